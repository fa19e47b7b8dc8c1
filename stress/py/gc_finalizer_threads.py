# stress/py/gc_finalizer_threads.py -- finalizers and weak-reference callbacks
# that allocate, build new cycles and start threads, run by the collectors
# while other threads allocate and collect.  In ft, finalizers run after the
# world restarts (never while it is stopped): a finalizer that starts a
# thread, joins it, or takes a lock another thread holds must not deadlock
# the collection.  Every finalizer runs exactly once, every thread a
# finalizer started runs to the end, and the cycles a finalizer built are
# collected in turn.  Run under ft-tsan too.
import gc
import threading
import weakref
import _stress

N = 120 * _stress.SCALE
# Reentrant: a collection can start inside `with lock:` (CPython's too, at
# an allocation), and the finalizers it runs on this thread take the lock.
lock = threading.RLock()
finalized = {}
spawned_done = []
callbacks = [0]
second_wave = [0]
refs = []   # the weak references live until the end: a dead one runs no callback


def note(key):
    with lock:
        finalized[key] = finalized.get(key, 0) + 1


class Child:
    """Made by a finalizer: a cycle of its own, counted when it dies."""
    def __init__(self, key):
        self.key = key
        self.me = self

    def __del__(self):
        with lock:
            second_wave[0] += 1


class Spawner:
    def __init__(self, key, join):
        self.key = key
        self.join = join
        self.peer = None

    def __del__(self):
        note(self.key)
        # allocate: a new cycle, lists and dicts
        Child(self.key)
        junk = [{'k': i, 'l': [i] * 3} for i in range(20)]
        # start a thread (and sometimes wait for it) from inside the finalizer
        def body(key=self.key, junk=junk):
            total = sum(d['k'] for d in junk)
            # no lock: the thread that runs this finalizer may hold `lock`
            # (a collection inside `with lock:`) and join this thread
            spawned_done.append((key, total))
        t = threading.Thread(target=body)
        t.start()
        if self.join:
            t.join()


def on_dead(ref):
    # a weak-reference callback that allocates and creates a cycle
    box = [ref]
    box.append(box)
    with lock:
        callbacks[0] += 1


def worker(tid):
    def body():
        for i in range(N):
            a = Spawner((tid, i, 'a'), join=(i % 3 == 0))
            b = Spawner((tid, i, 'b'), join=False)
            a.peer, b.peer = b, a
            with lock:
                refs.append(weakref.ref(a, on_dead))
            del a, b
            if i % 10 == 0:
                gc.collect()
    body.__name__ = "worker%d" % tid
    return body


def main():
    _stress.run([worker(t) for t in range(3)])
    for _ in range(3):
        gc.collect()
    # the threads finalizers started: wait for every one
    for t in threading.enumerate():
        if t is not threading.main_thread():
            t.join()
    for _ in range(3):
        gc.collect()
    want = 3 * N * 2
    if len(finalized) != want:
        _stress.errors.append("%d finalizers ran, %d expected" % (len(finalized), want))
    twice = [k for k, c in finalized.items() if c != 1]
    if twice:
        _stress.errors.append("finalizers run more than once: %r" % twice[:5])
    if len(spawned_done) != want:
        _stress.errors.append("%d threads started by finalizers finished, %d expected" % (len(spawned_done), want))
    if any(total != 190 for _, total in spawned_done):
        _stress.errors.append("a finalizer's thread saw corrupt data")
    if callbacks[0] != 3 * N:
        _stress.errors.append("%d weakref callbacks, %d expected" % (callbacks[0], 3 * N))
    if second_wave[0] != want:
        _stress.errors.append("%d cycles built by finalizers collected, %d expected" % (second_wave[0], want))
    _stress.finish("gc_finalizer_threads", "%d finalizers, %d threads from finalizers" % (len(finalized), len(spawned_done)))


main()
