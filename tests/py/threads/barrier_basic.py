# Barrier: every party gets a distinct index, the action runs once per round.
import threading

actions = []
b = threading.Barrier(4, action=lambda: actions.append("go"))
print(b.parties, b.n_waiting, b.broken)
indexes = []
lock = threading.Lock()


def party():
    for rnd in range(3):
        i = b.wait()
        with lock:
            indexes.append((rnd, i))


ts = [threading.Thread(target=party) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(actions)
for rnd in range(3):
    print(rnd, sorted(i for r, i in indexes if r == rnd))
print(b.n_waiting, b.broken)
r = repr(b)
print(r[:r.index(" at ")], r[r.index(":"):])
print(issubclass(threading.BrokenBarrierError, RuntimeError))
