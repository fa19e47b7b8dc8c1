"""bench/threads/_harness.py -- the common frame of the threads workloads.

run(work, default_size) reads `NTHREADS [SIZE]` from sys.argv, starts
NTHREADS threads that each call work(size, index) once, releases them
together and times from the release to the last join.  Each thread does the
same work (size), so with perfect scaling 2 threads finish 2x the work in
the time 1 thread needs for 1x.

stdout gets one checksum line (sum of the threads' results): it depends only
on NTHREADS, SIZE and the results, so every correct interpreter prints the
same line, which compare_threads.py checks against CPython's.  stderr gets
`bench-result: elapsed=SECONDS cpu=SECONDS` for compare_threads.py to read:
wall-clock and process CPU time (time.process_time) of the same span, so
cpu / elapsed tells how many cores the threads really got.
"""
import sys
import threading
import time


def run(work, default_size):
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else default_size
    results = [None] * nthreads
    go = threading.Event()

    def runner(index):
        go.wait()
        results[index] = work(size, index)

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    c0 = time.process_time()
    t0 = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print("threads %d size %d checksum %d" % (nthreads, size, sum(results)))
    sys.stderr.write("bench-result: elapsed=%.6f cpu=%.6f\n" % (elapsed, cpu))
