# stress/py/unpack_subscript.py -- the eval loop's fast paths on a list
# whose length changes under them.
#   - `a, b, c = lst` while other threads append/pop: either exactly three
#     real items, or ValueError ("not enough values" / "too many values");
#   - `a, *rest = lst`: a real first item, a list rest;
#   - lst[i] for an index that another thread just popped: the item or
#     IndexError, never garbage;
#   - `x in lst`, lst.index(x), lst.count(x), lst == other, lst + lst,
#     lst * 2, sorted(lst), min/max, sum: every element they see is real;
#   - for-loops over a shrinking list stop cleanly.
import threading

from _stress import SCALE, errors, finish, run

N = 60000 * SCALE
stop = threading.Event()


def run_stopping(fns):
    run(fns, on_error=stop.set)


lst = [1, 2, 3]


def resizer():
    for i in range(N):
        lst.append(i % 7 + 1)          # length 4
        lst.pop()                      # 3
        lst.pop()                      # 2
        lst.append(i % 5 + 1)          # 3
        if i % 8 == 0:
            lst[:] = [1, 2, 3, 4, 5, 6][: 1 + i % 6]
            lst[:] = [3, 2, 1]
    stop.set()


def good(x):
    return type(x) is int and 1 <= x <= 7


def unpacker():
    ok = short = 0
    while not stop.is_set():
        try:
            a, b, c = lst
            if not (good(a) and good(b) and good(c)):
                raise AssertionError("unpacked %r" % ((a, b, c),))
            ok += 1
        except ValueError as e:
            m = str(e)
            if "values to unpack" not in m:
                raise
            short += 1
        try:
            first, *rest = lst
            if not good(first) or type(rest) is not list or not all(good(x) for x in rest):
                raise AssertionError("star-unpacked %r, %r" % (first, rest))
        except ValueError as e:
            if "values to unpack" not in str(e):
                raise


def subscriber():
    while not stop.is_set():
        for i in (0, 1, 2, 3, -1, -3):
            try:
                v = lst[i]
            except IndexError:
                continue
            if not good(v):
                raise AssertionError("lst[%d] = %r" % (i, v))


def scanner():
    while not stop.is_set():
        _ = 5 in lst
        try:
            lst.index(3)
        except ValueError:
            pass
        _ = lst.count(2)
        _ = lst == [1, 2, 3]
        for x in lst + lst:
            if not good(x):
                raise AssertionError("concat held %r" % (x,))
        for x in lst * 2:
            if not good(x):
                raise AssertionError("repeat held %r" % (x,))
        s = sorted(lst)
        if not all(good(x) for x in s):
            raise AssertionError("sorted held a bad item")
        if lst:
            try:
                if not good(min(lst)) or not good(max(lst)):
                    raise AssertionError("min/max bad")
            except ValueError:    # emptied between the test and the call
                pass
        _ = sum(lst)
        for x in lst:
            if not good(x):
                raise AssertionError("for-loop saw %r" % (x,))


run_stopping([resizer, unpacker, subscriber, scanner])

finish("unpack_subscript", "%d resize rounds" % N)
