# Lock: exact counts under contention, and the lock's own API.
import threading

lock = threading.Lock()
count = 0


def bump(n):
    global count
    for _ in range(n):
        with lock:
            count += 1


threads = [threading.Thread(target=bump, args=(2000,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count)
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.ThreadError is RuntimeError)
print(type(threading.Lock()) is type(lock))
# A lock may be released by another thread than the one that took it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print(lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
