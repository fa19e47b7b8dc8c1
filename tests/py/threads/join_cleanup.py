# join() returns once the thread is completely gone: _count() and active_count() dropped already.
import _thread
import threading

data = threading.local()
counts = []


def work(name):
    data.name = name
    counts.append(_thread._count())


for name in ("a", "b"):
    t = threading.Thread(target=work, args=(name,))
    t.start()
    t.join()
    print(name, "inside:", counts[-1], "after join:", _thread._count(), threading.active_count(), t.is_alive())
gate = threading.Event()
ts = [threading.Thread(target=lambda: gate.wait() and work("x")) for _ in range(5)]
for t in ts:
    t.start()
print("running:", _thread._count(), threading.active_count())
gate.set()
for t in ts:
    t.join()
print("all joined:", _thread._count(), threading.active_count(), counts[-5:] != [])
print(hasattr(data, "name"))
