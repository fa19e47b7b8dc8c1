# stress/py/weakref_race.py -- weak references whose referents die on
# another thread at the same moment (core/objects/weakref.c, the
# MAYBE_WEAKREF state of threading/brc.c).
#
# Owner threads create objects, publish only weak references to them (a
# ref and a proxy) in shared slots, and drop the object at once: it dies
# on its owner thread (biased count reaching zero) while reader threads
# call the refs, use the proxies, and make new refs (with callbacks) and
# proxies to whatever they obtained; when a reader holds the last strong
# reference the object dies on the reader's thread instead (shared count).
# Checks: a ref returns None or the very object it was made for (its tag),
# a proxy gives the tag or ReferenceError, never another object; every
# callback of a weak reference alive at its referent's death runs exactly
# once, with that (dead) weak reference; at the end every ref is dead.
import _weakref

from _stress import SCALE, errors, finish, run

N = 6000 * SCALE
OWNERS = 2
READERS = 2
K = 8                        # shared slots per owner


class Obj:
    __slots__ = ("tag", "__weakref__")


fired = []                   # one entry per callback run (list.append is atomic)
expected = [0] * (OWNERS + READERS)   # callback refs made by each thread
kept = [[] for _ in range(OWNERS + READERS)]   # keeps those refs alive
slots = [[None] * K for _ in range(OWNERS)]
done = [False] * OWNERS
seen = [0, 0]                # [objects obtained, dead refs met]


def callback(wr):
    if wr() is not None:
        errors.append("callback called with a live referent")
    fired.append(1)


def owner(t):
    def body():
        mine = slots[t]
        hold = [None] * 4    # the last few objects stay alive a little
        for i in range(N):
            o = Obj()
            o.tag = (t, i)
            r = _weakref.ref(o, callback)
            kept[t].append(r)
            expected[t] += 1
            mine[i % K] = ((t, i), _weakref.ref(o), _weakref.proxy(o))
            # The object put out of the ring dies here unless a reader
            # holds it at this moment.
            hold[i % 4] = o
            del o
        hold = None
        done[t] = True
    body.__name__ = "owner%d" % t
    return body


def check_slot(entry, me):
    tag, r, p = entry
    o = r()
    if o is None:
        seen[1] += 1
    else:
        if o.tag != tag:
            raise AssertionError("ref for %r returned %r" % (tag, o.tag))
        seen[0] += 1
        # New weak references to an object that may be dying elsewhere.
        r2 = _weakref.ref(o, callback)
        kept[me].append(r2)
        expected[me] += 1
        if _weakref.ref(o) is not r and r() is o:
            raise AssertionError("callback-less ref not shared")
        p2 = _weakref.proxy(o)
        if p2.tag != tag:
            raise AssertionError("new proxy gave %r" % (p2.tag,))
        del o                # may be the last reference: dies in this thread
    try:
        if p.tag != tag:
            raise AssertionError("proxy for %r gave %r" % (tag, p.tag))
    except ReferenceError:
        pass


def reader(me):
    def body():
        j = 0
        while not all(done):
            for t in range(OWNERS):
                entry = slots[t][j % K]
                if entry is not None:
                    check_slot(entry, me)
            j += 1
    body.__name__ = "reader%d" % me
    return body


run([owner(t) for t in range(OWNERS)] + [reader(OWNERS + k) for k in range(READERS)])
for t in range(OWNERS):
    for entry in slots[t]:
        if entry is not None:
            entry = None
    slots[t] = None
total = sum(expected)
if len(fired) != total:
    errors.append("%d callbacks ran for %d weak references with callbacks" % (len(fired), total))
for lst in kept:
    for r in lst:
        if r() is not None:
            errors.append("a weak reference outlived everything: %r" % (r(),))
            break
finish("weakref_race", "%d objects, %d callbacks, %d reads alive, %d dead"
       % (OWNERS * N, len(fired), seen[0], seen[1]))
