# BoundedSemaphore refuses to go above its initial value.
import threading

b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print("ValueError:", e)
b.release(1)
r = repr(b)
print(r[:r.index(" at ")], r[r.index(":"):])
print(isinstance(b, threading.Semaphore))
# Acquired and released from many threads: never over-released.
pool = threading.BoundedSemaphore(3)
errors = []


def use():
    for _ in range(100):
        pool.acquire()
        try:
            pool.release()
        except ValueError as e:
            errors.append(e)


ts = [threading.Thread(target=use) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors, pool.acquire(False), pool.acquire(False), pool.acquire(False), pool.acquire(False))
