# Subclasses of local: __init__ runs again, with the same arguments, in each thread.
import threading


class Counter(threading.local):
    shared = "class attribute"

    def __init__(self, start, step=1):
        self.value = start
        self.step = step
        self.inits = getattr(self, "inits", 0) + 1

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
c.bump()
out = {}
lock = threading.Lock()


def work(i):
    for _ in range(i):
        c.bump()
    with lock:
        out[i] = (c.value, c.inits, c.shared)


ts = [threading.Thread(target=work, args=(i,)) for i in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out.items()))
print(c.value, c.inits)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
