# Barrier: n_waiting as parties arrive, reset() breaks current waiters, reuse after.
import threading
import time

b = threading.Barrier(3)
outcomes = []
lock = threading.Lock()


def party():
    try:
        idx = b.wait()
        res = "index %d" % idx
    except threading.BrokenBarrierError as e:
        res = "broken " + type(e).__name__
    with lock:
        outcomes.append(res)


def wait_for_waiters(n):
    while b.n_waiting < n:
        time.sleep(0.001)


ts = [threading.Thread(target=party) for _ in range(2)]
for i, t in enumerate(ts):
    t.start()
    wait_for_waiters(i + 1)
    print("n_waiting:", b.n_waiting)
b.reset()  # the two waiters get BrokenBarrierError
for t in ts:
    t.join()
print(sorted(outcomes), "broken:", b.broken, "n_waiting:", b.n_waiting)
outcomes.clear()
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcomes))
# abort() while parties wait; then the barrier stays broken until reset().
outcomes.clear()
t = threading.Thread(target=party)
t.start()
wait_for_waiters(1)
b.abort()
t.join()
print(outcomes, b.broken)
try:
    b.wait(timeout=5)
except threading.BrokenBarrierError:
    print("still broken")
b.reset()
print("after reset:", b.broken, b.n_waiting, b.parties)
# The action runs exactly once per round, in one of the parties.
runs = []
b2 = threading.Barrier(4, action=lambda: runs.append(threading.current_thread().name))
names = ["p%d" % i for i in range(4)]
ts = [threading.Thread(target=b2.wait, name=n) for n in names]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(runs), runs[0] in names)
# A timeout breaks the barrier for the other waiters too.
b3 = threading.Barrier(3)
res = []


def timed(timeout):
    try:
        b3.wait(timeout)
        res.append("passed")
    except threading.BrokenBarrierError:
        res.append("broken")


t = threading.Thread(target=timed, args=(30,))
t.start()
while b3.n_waiting < 1:
    time.sleep(0.001)
timed(0.05)
t.join()
print(res, b3.broken)
