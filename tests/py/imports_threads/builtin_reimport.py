# A builtin module deleted from sys.modules is created again by the next
# import -- once, when eight threads import it at the same moment.
import sys
import threading

old_math = sys.modules.pop("math")
old_os = sys.modules.pop("os")
N = 8
barrier = threading.Barrier(N)
got = [None] * N


def worker(i):
    barrier.wait()
    import math
    import os
    got[i] = (math, os)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
math, os = got[0]
print("new objects:", math is not old_math, os is not old_os)
print("one object each:", all(g[0] is math and g[1] is os for g in got))
print("in sys.modules:", sys.modules["math"] is math, sys.modules["os"] is os)
print("os.path:", sys.modules["os.path"] is os.path)
print("works:", math.sqrt(9.0), math.pi == old_math.pi, os.sep)
