# 8 threads x 10,000 increments under Lock and RLock give exact totals.
import threading

N_THREADS = 8
N_INCR = 10000
lock = threading.Lock()
rlock = threading.RLock()
total = 0
counts = {"rlock": 0, "explicit": 0}
start = threading.Barrier(N_THREADS)


def bump():
    global total
    start.wait()  # all threads contend from the same moment
    for _ in range(N_INCR):
        with lock:
            total += 1


def bump_rlock():
    for _ in range(N_INCR // 2):
        with rlock:
            with rlock:
                counts["rlock"] += 1
            counts["rlock"] += 1


def bump_explicit():
    for _ in range(N_INCR // 4):
        lock.acquire()
        try:
            counts["explicit"] += 1
        finally:
            lock.release()


for target in (bump, bump_rlock, bump_explicit):
    threads = [threading.Thread(target=target) for _ in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print("lock:", total, total == N_THREADS * N_INCR)
print("rlock:", counts["rlock"], counts["rlock"] == N_THREADS * N_INCR)
print("explicit:", counts["explicit"])
print("locks free:", lock.locked(), rlock.acquire(blocking=False))
rlock.release()
