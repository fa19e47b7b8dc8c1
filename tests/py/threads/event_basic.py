# Event: set/clear/wait, waking every waiter.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(0))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())
r = repr(e)
print(r[:r.index(" at ")], r[r.index(":"):])
woken = []
lock = threading.Lock()
ready = threading.Semaphore(0)


def waiter(i):
    ready.release()
    res = e.wait()
    with lock:
        woken.append((i, res))


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
e.set()
for t in ts:
    t.join()
print(sorted(woken))
r = repr(e)
print(r[r.index(":"):])
