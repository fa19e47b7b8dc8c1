# stress/py/concurrent_imports.py -- many threads import many generated
# modules that import each other.
#
# Each round writes a fresh directory of modules and one package (with
# submodules) and puts it on sys.path.  Every module imports a few others,
# forming cycles, so threads running different bodies end up waiting for
# each other's modules, and some of those waits would deadlock (thread 1 in
# m3's body imports m7 while thread 2 in m7's body imports m3): the import
# locks must then hand one thread a partial module instead of hanging.
# Bodies therefore touch their imports only inside functions.
#
# Invariants checked after each round:
#  - every module body ran exactly once (the bodies log their names);
#  - an import made by a thread outside any module body (so holding no
#    import lock, so never part of a deadlock) always returns the complete
#    module, the one in sys.modules;
#  - every module's cross references resolve to the complete modules.
# TN_STRESS_SCALE (default 1) multiplies the number of rounds.
import os
import sys
import threading

sys.dont_write_bytecode = True   # CPython: leave no __pycache__ behind

SCALE = int(os.environ.get("TN_STRESS_SCALE", "1"))
ROUNDS = 10 * SCALE
N_THREADS = 8
N_MODULES = 32
N_SUBMODULES = 6
failures = []


def fail(msg):
    failures.append(msg)


def deps(i):
    """The modules module i imports: neighbours and a far one (cycles)."""
    return sorted({(i + 1) % N_MODULES, (i * 7 + 3) % N_MODULES, (i + N_MODULES - 2) % N_MODULES} - {i})


def module_source(prefix, i):
    lines = ["import _cilog_%s as _log" % prefix,
             "_log.runs.append(__name__)",
             "X = %d" % i]
    if i % 4 == 0:
        # Let other threads run in the middle of this body (gil: drops the GIL).
        lines += ["import time", "time.sleep(0.001)"]
    for j in deps(i):
        lines.append("import %s_m%d" % (prefix, j))
    if i % 3 == 0:
        lines.append("from %s_pkg import s%d as _sub" % (prefix, i % N_SUBMODULES))
    lines.append("def dep_sum():")
    lines.append("    return %s" % " + ".join("%s_m%d.X" % (prefix, j) for j in deps(i)))
    lines.append("DONE = True")
    return "\n".join(lines) + "\n"


def submodule_source(prefix, k):
    return ("import _cilog_%s as _log\n"
            "_log.runs.append(__name__)\n"
            "from . import s%d as _next\n"
            "import %s_m%d\n"
            "Y = %d\n"
            "DONE = True\n") % (prefix, (k + 1) % N_SUBMODULES, prefix, k, k)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def make_round(base, r):
    prefix = "r%d" % r
    d = os.path.join(base, prefix)
    os.mkdir(d)
    write(os.path.join(d, "_cilog_%s.py" % prefix), "runs = []\n")
    for i in range(N_MODULES):
        write(os.path.join(d, "%s_m%d.py" % (prefix, i)), module_source(prefix, i))
    pkg = os.path.join(d, "%s_pkg" % prefix)
    os.mkdir(pkg)
    write(os.path.join(pkg, "__init__.py"),
          "import _cilog_%s as _log\n_log.runs.append(__name__)\nP = 1\n" % prefix)
    for k in range(N_SUBMODULES):
        write(os.path.join(pkg, "s%d.py" % k), submodule_source(prefix, k))
    return prefix, d


def names(prefix):
    mods = ["%s_m%d" % (prefix, i) for i in range(N_MODULES)]
    subs = ["%s_pkg.s%d" % (prefix, k) for k in range(N_SUBMODULES)]
    return mods, subs


def worker(prefix, t, barrier):
    mods, subs = names(prefix)
    # Each thread walks the names in its own order, starting at a different
    # place, so that threads collide in every body.
    order = mods + subs
    step = [1, 5, 7, 11, 13, 17, 19, 23][t % 8]
    order = [order[(t * 3 + k * step) % len(order)] for k in range(len(order))]
    barrier.wait()
    for name in order:
        try:
            m = __import__(name, fromlist=["DONE"])
        except BaseException as e:
            fail("thread %d: import %s raised %s: %s" % (t, name, type(e).__name__, e))
            continue
        if getattr(m, "DONE", False) is not True:
            fail("thread %d: got %s before its body finished" % (t, name))
        if sys.modules.get(name) is not m:
            fail("thread %d: %s is not the module in sys.modules" % (t, name))


def check_round(prefix):
    mods, subs = names(prefix)
    log = sys.modules["_cilog_%s" % prefix]
    for name in mods + subs + ["%s_pkg" % prefix]:
        n = log.runs.count(name)
        if n != 1:
            fail("%s: body ran %d times" % (name, n))
    if len(log.runs) != len(mods) + len(subs) + 1:
        fail("%s: %d bodies ran, expected %d" % (prefix, len(log.runs), len(mods) + len(subs) + 1))
    for i, name in enumerate(mods):
        m = sys.modules[name]
        want = sum(deps(i))
        if m.X != i or m.dep_sum() != want:
            fail("%s: X=%r dep_sum=%r, expected %d, %d" % (name, m.X, m.dep_sum(), i, want))
    pkg = sys.modules["%s_pkg" % prefix]
    for k, name in enumerate(subs):
        s = sys.modules[name]
        if getattr(pkg, "s%d" % k, None) is not s:
            fail("%s not bound in its package" % name)
        if s.Y != k or s._next is not sys.modules["%s_pkg.s%d" % (prefix, (k + 1) % N_SUBMODULES)]:
            fail("%s: wrong Y or _next" % name)


def remove_tree(d):
    for entry in os.listdir(d):
        p = os.path.join(d, entry)
        if os.path.isdir(p):
            remove_tree(p)
        else:
            os.remove(p)
    os.rmdir(d)


def main():
    base = os.path.join(os.environ.get("TMPDIR", "/tmp"), "tn_concurrent_imports_%d" % os.getpid())
    os.mkdir(base)
    try:
        for r in range(ROUNDS):
            prefix, d = make_round(base, r)
            sys.path.insert(0, d)
            barrier = threading.Barrier(N_THREADS)
            threads = [threading.Thread(target=worker, args=(prefix, t, barrier)) for t in range(N_THREADS)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            check_round(prefix)
            sys.path.remove(d)
            if failures:
                break
    finally:
        remove_tree(base)
    if failures:
        for msg in failures[:20]:
            print("FAIL:", msg, file=sys.stderr)
        print("%d failure(s)" % len(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
