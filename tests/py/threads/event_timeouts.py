# Event.wait returns a bool: False on timeout, True once set (even from another thread).
import threading

e = threading.Event()
r = e.wait(0.02)
print("timeout:", r, type(r).__name__)
r = e.wait(timeout=0)
print("zero timeout:", r, type(r).__name__)
waiting = threading.Semaphore(0)
results = []


def waiter():
    waiting.release()
    results.append(e.wait(timeout=30))


t = threading.Thread(target=waiter)
t.start()
waiting.acquire()
e.set()
t.join()
print("set by other thread:", results, type(results[0]).__name__)
r = e.wait(0.01)
print("already set:", r, type(r).__name__, e.wait())
e.clear()
print("cleared:", e.is_set(), e.wait(0.01))
# A thread that sets the event wakes every timed waiter.
results.clear()
threads = [threading.Thread(target=waiter) for _ in range(5)]
for t in threads:
    t.start()
for _ in threads:
    waiting.acquire()
threading.Thread(target=e.set).start()
for t in threads:
    t.join()
print(results)
