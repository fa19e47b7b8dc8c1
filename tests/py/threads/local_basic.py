# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = {}
lock = threading.Lock()
gate = threading.Barrier(4)


def work(i):
    has_x = hasattr(data, "x")
    data.x = i
    gate.wait()  # all threads have set x before anyone reads it back
    with lock:
        seen[i] = (has_x, data.x)


ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print(data.x)


def missing():
    try:
        data.x
    except AttributeError as e:
        print("AttributeError:", e)


t = threading.Thread(target=missing)
t.start()
t.join()
del data.x
print(hasattr(data, "x"), data.__dict__)
