# Eight threads import one slow module at the same moment: its body runs
# exactly once and every thread gets the complete module, never the
# partially initialised one the first importer is still running.
import threading
import _support.counter as counter

N = 8
barrier = threading.Barrier(N)
seen = [None] * N


def worker(i):
    barrier.wait()
    import _support.slow as slow
    seen[i] = (slow.VALUE, len(slow.ITEMS), slow.DONE)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("body runs:", counter.runs.count("_support.slow"))
print("every thread saw:", set(seen))
import sys
import _support.slow
print("one module:", sys.modules["_support.slow"] is _support.slow)
print("bound in package:", _support.slow.DONE, _support.slow.VALUE)
