"""bench/threads/convoy.py -- the convoy effect: how long a short blocking
wait takes while another thread burns CPU.

The main thread sleeps 0.5 ms SAMPLES times and measures how long each
sleep really took, while a second thread runs a pure-Python loop.  Under a
GIL the sleeper has to get the GIL back after each sleep, and the busy thread
only lets go when asked, after the switch interval (sys.setswitchinterval),
so the response time grows to about the interval; without a GIL it stays near
0.5 ms plus the wake-up cost.
Usage: convoy.py INTERVAL_MS [SAMPLES]
stdout: a fixed line (for the checksum comparison); stderr:
`bench-result: median_ms=.. p95_ms=.. max_ms=..` (response time of one sleep).
"""
import sys
import threading
import time

SLEEP = 0.0005


def burn(stop, spins):
    x = 0
    while not stop:
        x = (x + 1) & 0xffff
    spins.append(x)


def main():
    interval_ms = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    sys.setswitchinterval(interval_ms / 1000.0)
    stop = []
    spins = []
    burner = threading.Thread(target=burn, args=(stop, spins))
    burner.start()
    time.sleep(0.01)          # let the burner get going
    delays = []
    for _ in range(samples):
        t0 = time.perf_counter()
        time.sleep(SLEEP)
        delays.append((time.perf_counter() - t0) * 1000.0)
    stop.append(True)
    burner.join()
    delays.sort()
    median = delays[len(delays) // 2]
    p95 = delays[min(len(delays) - 1, (len(delays) * 95) // 100)]
    print("convoy interval %g ms, %d samples, burner ran: %s" % (interval_ms, samples, len(spins) == 1))
    sys.stderr.write("bench-result: median_ms=%.4f p95_ms=%.4f max_ms=%.4f\n" % (median, p95, delays[-1]))


main()
