# Condition.wait/wait_for with timeouts, notify(n) beyond the waiters, notify_all.
import threading

cond = threading.Condition()
with cond:
    print("wait timed out:", cond.wait(timeout=0.02))
    print("wait_for timed out:", repr(cond.wait_for(lambda: [], timeout=0.02)))
state = {"value": 0}
waiting = threading.Semaphore(0)


def setter():
    with cond:  # gets the lock only once the main thread waits
        state["value"] = 42
        cond.notify()


with cond:
    t = threading.Thread(target=setter)
    t.start()
    result = cond.wait_for(lambda: state["value"] and ("ready", state["value"]), timeout=30)
    print("wait_for result:", result)
t.join()
with cond:
    t = threading.Thread(target=setter)
    t.start()
    print("notified wait:", cond.wait(timeout=30))
t.join()
woken = []


def waiter(i):
    with cond:
        waiting.release()
        woken.append((i, cond.wait(timeout=30)))


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for _ in threads:
    waiting.acquire()
with cond:  # every waiter is inside wait() once we hold the lock
    cond.notify(10)  # more than there are waiters
for t in threads:
    t.join()
print("notify(10):", sorted(woken))
woken.clear()
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for _ in threads:
    waiting.acquire()
with cond:
    cond.notify(0)
    print("waiters after notify(0):", len(cond._waiters))
    cond.notify_all()
for t in threads:
    t.join()
print("notify_all:", sorted(woken))
