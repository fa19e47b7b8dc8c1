# `from M import names` from many threads while M's body is still running:
# each thread gets the final values (a partial module would raise
# ImportError: cannot import name 'SECOND'), and M's body runs once.
import threading
import _support.counter as counter

N = 8
barrier = threading.Barrier(N)
results = [None] * N
errors = []


def worker(i):
    barrier.wait()
    try:
        from _support.slow_names import FIRST, SECOND, last
        # Builtin modules too: one object whichever thread asks.
        from math import sqrt
        import time as t
        results[i] = (FIRST, SECOND, last(), sqrt(16.0), t.sleep is t.__dict__["sleep"])
    except Exception as e:
        errors.append(type(e).__name__)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("body runs:", counter.runs.count("_support.slow_names"))
print("results:", set(results))
