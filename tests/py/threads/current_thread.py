# current_thread()/main_thread() return the right Thread objects.
import threading

main = threading.current_thread()
print(main is threading.main_thread(), main.name, type(main).__name__)
r = repr(main)
print(r.rpartition(" ")[0], r.endswith("%d)>" % main.ident))
got = []


def who():
    me = threading.current_thread()
    got.append(me)
    got.append(threading.main_thread() is main)
    got.append(me.is_alive())


t = threading.Thread(target=who, name="who")
t.start()
t.join()
print(got[0] is t, got[1], got[2], got[0].name)
print(main.is_alive())
