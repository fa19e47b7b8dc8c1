# stress/py/dict_iter_calls.py -- builtins that walk a dict the caller
# passed and run code between the steps, while another thread rebinds that
# dict's values to fresh objects (the old ones die at once):
#   - str.maketrans(d): stores each item in a new table (hashing an int key
#     may run code);
#   - repr(types.SimpleNamespace(...)): calls each value's repr;
#   - _thread.start_new_thread(f, (), kw): the new thread calls f(**kw)
#     while the starting thread keeps changing kw.
# Checks: every value seen is one a writer installed; no crash.
import _thread
import threading
import types

from _stress import SCALE, errors, finish, run

N = 1500 * SCALE
NKEYS = 8
table = {i: "v%d" % i for i in range(NKEYS)}
ns = types.SimpleNamespace(**{"k%d" % i: ["v", i] for i in range(NKEYS)})
stop = threading.Event()


def writer():
    i = 0
    while not stop.is_set():
        k = i % NKEYS
        table[k] = "w%d" % i            # a fresh str; the old one dies
        setattr(ns, "k%d" % k, ["w", i])
        i += 1


def maketrans_reader():
    for i in range(N):
        t = str.maketrans(table)
        for k, v in t.items():
            if not (type(v) is str and v[0] in "vw"):
                raise AssertionError("maketrans stored %r" % (v,))


def repr_reader():
    for i in range(N):
        r = repr(ns)
        if not r.startswith("namespace(k0=[") or "<" in r:
            raise AssertionError("repr read %r" % (r[:80],))


def thread_kwargs():
    done = threading.Semaphore(0)
    seen = []

    def target(**kw):
        seen.append(len(kw))
        for v in kw.values():
            if not (type(v) is list and v[0] in ("a", "b")):
                errors.append("a started thread got %r" % (v,))
                break
        done.release()

    for i in range(N // 10):
        kw = {"x%d" % j: ["a", j] for j in range(NKEYS)}
        _thread.start_new_thread(target, (), kw)
        for j in range(200):
            kw["x%d" % (j % NKEYS)] = ["b", j]     # the old values die
        done.acquire()
    if len(seen) != N // 10:
        raise AssertionError("%d of %d threads ran" % (len(seen), N // 10))


def readers():
    try:
        run([maketrans_reader, repr_reader, thread_kwargs])
    finally:
        stop.set()


run([writer, readers])
finish("dict_iter_calls", "%d calls of each" % N)
