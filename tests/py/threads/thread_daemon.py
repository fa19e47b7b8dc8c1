# daemon defaults to the creating thread's daemon flag.
import threading

print(threading.main_thread().daemon)
t = threading.Thread(target=lambda: None)
print(t.daemon)
seen = []


def spawn():
    inner = threading.Thread(target=lambda: None)
    seen.append(inner.daemon)
    explicit = threading.Thread(target=lambda: None, daemon=False)
    seen.append(explicit.daemon)


d = threading.Thread(target=spawn, daemon=True)
print(d.daemon)
d.start()
d.join()
print(seen)
t.daemon = True
print(t.daemon)
t.daemon = False
t.start()
t.join()
print(t.daemon)
# A daemon thread blocked forever does not keep the program alive.
forever = threading.Event()
bg = threading.Thread(target=forever.wait, daemon=True)
bg.start()
print(bg.is_alive())
print("end")
