# Many threads import a package and its submodules in different spellings
# at once: the package body and each submodule body run exactly once, and
# every thread sees complete modules bound in the package.
import threading
import _support.counter as counter

N = 9
barrier = threading.Barrier(N)
seen = [None] * N


def worker(i):
    barrier.wait()
    kind = i % 3
    if kind == 0:
        import _support.pkg.sub1
        m = _support.pkg.sub1
    elif kind == 1:
        from _support.pkg import sub1 as m
    else:
        from _support.pkg.sub1 import total
        import _support.pkg.sub1 as m
    seen[i] = (m.SUB1_DONE, m.total(), m.sub2.SUB2_DONE)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
import _support.pkg as pkg
print("runs:", [counter.runs.count(n) for n in ("_support.pkg", "_support.pkg.sub1", "_support.pkg.sub2")])
print("seen:", set(seen))
print("bound:", pkg.PKG_DONE, pkg.sub1.SUB1_DONE, pkg.sub2.VALUE)
