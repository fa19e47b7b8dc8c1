# Thread with target/args/kwargs: results, join, is_alive, repr states.
import threading

results = []


def work(a, b, scale=1):
    results.append((a + b) * scale)


t = threading.Thread(target=work, args=(2, 3), kwargs={"scale": 10})
print(repr(t))
print(t.is_alive(), t.ident is None, t.native_id is None)
t.start()
t.join()
print(results)
print(t.is_alive())
r = repr(t)
head, _, ident = r.rpartition(" ")
print(head, ident == "%d)>" % t.ident)
print(type(t.ident) is int, type(t.native_id) is int)
t2 = threading.Thread(target=work, args=(1, 1), daemon=True)
print(repr(t2))
t2.start()
t2.join()
print(results, t2.daemon)
r = repr(t2)
print(r.rpartition(" ")[0])
