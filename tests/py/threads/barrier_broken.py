# Barrier abort/timeout break it; reset repairs it.
import threading
import time

b = threading.Barrier(3)
errors = []
lock = threading.Lock()


def party():
    try:
        b.wait()
        res = "passed"
    except threading.BrokenBarrierError as e:
        res = "broken %r" % (e,)
    with lock:
        errors.append(res)


ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
b.abort()
for t in ts:
    t.join()
print(errors, b.broken)
r = repr(b)
print(r[r.index(":"):])
try:
    b.wait()
except threading.BrokenBarrierError:
    print("wait on broken barrier raises")
b.reset()
print(b.broken, b.n_waiting)
# A timeout breaks the barrier for everybody.
try:
    b.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("timed out:", b.broken)
b.reset()
t2 = threading.Barrier(2, timeout=0.05)
try:
    t2.wait()
except threading.BrokenBarrierError:
    print("default timeout:", t2.broken)
# A failing action breaks it too, and the action's exception propagates.


def boom():
    raise ValueError("action failed")


ab = threading.Barrier(1, action=boom)
try:
    ab.wait()
except ValueError as e:
    print("ValueError:", e, ab.broken)
# After reset a full round works again.
errors.clear()
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors)
