# stress/py/iterate_mutate.py -- readers iterate a list, a dict (keys,
# values, items) and a set while writers mutate them.  CPython's rules:
#   - iterating a list that changes never fails: the iterator yields
#     whatever is at its index at the time (items are real objects);
#   - a dict or set that changes size during iteration raises
#     RuntimeError ("... changed size during iteration"), which is allowed
#     and caught here; anything else (a crash, a bogus object, another
#     exception) is a failure;
#   - list(d), list(d.items()), tuple(d.values()), sorted(d), dict(d),
#     d.copy(), set(s), tuple(s), lst[:] and tuple(lst) take consistent
#     snapshots (never a RuntimeError): every element of a snapshot is one
#     the writers put there.
import threading

from _stress import SCALE, errors, finish, run

ROUNDS = 3000 * SCALE
SIZE = 200
stop = threading.Event()


def run_stopping(fns):
    run(fns, on_error=stop.set)


lst = list(range(SIZE))
d = {i: i for i in range(SIZE)}
s = set(range(SIZE))


def good(x):
    return isinstance(x, int) and 0 <= x < 10 * SIZE


def list_writer():
    for r in range(ROUNDS):
        for i in range(SIZE // 4):
            lst.append(SIZE + i)
        for i in range(SIZE // 4):
            lst.pop()
        lst.insert(0, 5)
        del lst[0]
        lst[r % SIZE] = r % SIZE
        if r % 16 == 0:
            lst.sort()
            lst.reverse()
            lst.reverse()
    stop.set()


def dict_writer():
    r = 0
    while not stop.is_set():
        k = SIZE + r % 50
        d[k] = k
        del d[k]
        d[r % SIZE] = r % SIZE
        s.add(k)
        s.discard(k)
        r += 1


def list_reader():
    while not stop.is_set():
        for x in lst:
            if not good(x):
                raise AssertionError("list iteration yielded %r" % (x,))
        for x in reversed(lst):
            if not good(x):
                raise AssertionError("reversed list yielded %r" % (x,))
        snap = lst[:]
        if not all(good(x) for x in snap) or not all(good(x) for x in tuple(lst)):
            raise AssertionError("list snapshot holds a bad item")
        a, *b = lst
        if not good(a):
            raise AssertionError("star-unpack yielded %r" % (a,))


def dict_reader():
    caught = 0
    while not stop.is_set():
        for view in (d, d.keys(), d.values(), d.items(), s):
            try:
                for x in view:
                    if isinstance(x, tuple):
                        if not (good(x[0]) and x[0] == x[1]):
                            raise AssertionError("dict item %r" % (x,))
                    elif not good(x):
                        raise AssertionError("dict/set iteration yielded %r" % (x,))
            except RuntimeError as e:
                if "changed size during iteration" not in str(e):
                    raise
                caught += 1
        c = d.copy()
        if any(k != v for k, v in c.items()):
            raise AssertionError("dict copy inconsistent")
        if not all(good(x) for x in list(d)) or not all(good(x) for x in set(s)):
            raise AssertionError("snapshot holds a bad key")
        if not all(k == v for k, v in dict(d).items()):
            raise AssertionError("dict(d) inconsistent")
        # list()/tuple()/sorted() of a dict, its views or a set are
        # snapshots: they never raise "changed size during iteration".
        if not all(k == v for k, v in list(d.items())):
            raise AssertionError("list(d.items()) inconsistent")
        if not all(good(x) for x in tuple(d.values()) + tuple(sorted(d)) + tuple(s)):
            raise AssertionError("tuple/sorted snapshot holds a bad item")


run_stopping([list_writer, dict_writer, list_reader, dict_reader])
if sorted(set(lst)) != list(range(SIZE)) or len(lst) != SIZE:
    errors.append("list final contents wrong (len %d)" % len(lst))
if d != {i: i for i in range(SIZE)}:
    errors.append("dict final contents wrong (len %d)" % len(d))
if s != set(range(SIZE)):
    errors.append("set final contents wrong (len %d)" % len(s))

finish("iterate_mutate", "%d writer rounds" % ROUNDS)
