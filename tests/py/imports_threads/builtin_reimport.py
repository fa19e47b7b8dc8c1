# A builtin module deleted from sys.modules is created again by the next
# import -- once, when eight threads import it at the same moment.
import sys
import threading
import math
import posix

old_math = sys.modules.pop("math")
old_posix = sys.modules.pop("posix")
N = 8
barrier = threading.Barrier(N)
got = [None] * N


def worker(i):
    barrier.wait()
    import math
    import posix
    got[i] = (math, posix)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
math, posix = got[0]
print("new objects:", math is not old_math, posix is not old_posix)
print("one object each:", all(g[0] is math and g[1] is posix for g in got))
print("in sys.modules:", sys.modules["math"] is math, sys.modules["posix"] is posix)
print("works:", math.sqrt(9.0), math.pi == old_math.pi, posix.getcwd() == old_posix.getcwd())
