# Condition misuse and timeouts.
import threading

cond = threading.Condition()
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify_all()
except RuntimeError as e:
    print("RuntimeError:", e)
with cond:
    print(cond.wait(0.01))
    print(cond.wait(0))
    print(cond.wait_for(lambda: 0, timeout=0.01))
    print(cond.wait_for(lambda: "ready", timeout=0.01))
    cond.notify()
# An RLock-based condition gives up every level while waiting.
with cond:
    with cond:
        got = []
        t = threading.Thread(target=lambda: got.append(cond.acquire(timeout=5)) or cond.release())
        t.start()
        cond.wait(0.2)
        t.join()
        print("other thread got the lock while we waited:", got)
plain = threading.Condition(threading.Lock())
with plain:
    print(plain.wait(0.01))
print(cond.acquire(), cond.acquire(False))
cond.release()
cond.release()
