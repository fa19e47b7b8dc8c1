# Default names are Thread-N (target); explicit names do not use a number.
import threading


def job():
    pass


class Callable:
    def __call__(self):
        pass


a = threading.Thread(target=job)
b = threading.Thread()
c = threading.Thread(name="worker")
d = threading.Thread(target=job)
e = threading.Thread(target=Callable())
f = threading.Thread(target=lambda: None)
g = threading.Thread(name="")
print(a.name, "|", b.name, "|", c.name, "|", d.name, "|", e.name, "|", f.name, "|", g.name)
c.name = 42
print(repr(c.name))
h = threading.Thread(name=7)
print(repr(h.name))
tm = threading.Timer(1, job)
print(tm.name)
print(threading.main_thread().name)
a.start()
a.join()
print(a.name, a.is_alive())
