# time: clocks and sleep (only deterministic facts are printed).
import time
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    f = getattr(time, name)
    g = getattr(time, name + '_ns')
    a = f()
    b = f()
    n = g()
    print(name, type(a).__name__, type(n).__name__, b >= a, n >= 0)
print(time.time() > 1.6e9, time.time_ns() > 1.6e18, abs(time.time() - time.time_ns() / 1e9) < 1.0)
t0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.monotonic() - t0 >= 0.01, time.perf_counter() - p0 >= 0.01)
n0 = time.monotonic_ns()
time.sleep(0)
time.sleep(1e-4)
time.sleep(False)
print(time.monotonic_ns() >= n0, time.sleep(0.001))

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: time.sleep(-1))
check(lambda: time.sleep(-0.001))
check(lambda: time.sleep('a'))
check(lambda: time.sleep(float('nan')))
check(lambda: time.sleep())
check(lambda: time.time(1))
