# Condition.notify(n) wakes exactly n waiters; notify_all wakes the rest.
import threading

cond = threading.Condition(threading.Lock())
entered = threading.Semaphore(0)
woke = threading.Semaphore(0)
state = {"woken": 0}


def waiter():
    with cond:
        # The lock is held until wait() releases it, so once the main thread
        # gets the lock after this release, we are waiting.
        entered.release()
        cond.wait()
        state["woken"] += 1
    woke.release()


threads = [threading.Thread(target=waiter) for _ in range(5)]
for t in threads:
    t.start()
for _ in threads:
    entered.acquire()
with cond:
    print(len(cond._waiters))
    cond.notify(2)
print(woke.acquire(timeout=10), woke.acquire(timeout=10), woke.acquire(timeout=0.05))
print(state["woken"])
with cond:
    cond.notify_all()
for t in threads:
    t.join()
print(state)
print(repr(cond).startswith("<Condition(<unlocked _thread.lock object at "), repr(cond)[-4:])
