# Semaphore limits concurrency; acquire/release arguments.
import threading

sem = threading.Semaphore(2)
lock = threading.Lock()
current = 0
peak = 0
runs = 0


def worker():
    global current, peak, runs
    for _ in range(50):
        with sem:
            with lock:
                current += 1
                peak = max(peak, current)
                runs += 1
            with lock:
                current -= 1


threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(runs, peak <= 2, current)
s = threading.Semaphore(0)
print(s.acquire(False), s.acquire(timeout=0.01))
s.release(3)
print(s.acquire(), s.acquire(), s.acquire(), s.acquire(blocking=False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
s.release()
r = repr(s)
print(r[:r.index(" at ")], r[r.index(":"):])
