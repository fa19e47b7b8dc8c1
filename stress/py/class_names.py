# stress/py/class_names.py -- a class is renamed (__name__, __qualname__)
# by one thread while others read its names, repr() it and its instances,
# and format error messages that name it (issue 9: the old name was freed
# at once under readers, and a renamed class printed names that were
# never assigned).
#   - every __name__ / __qualname__ read, every repr() of the class, of an
#     instance and of an exception of the class, and every "object of type
#     'X'" message names one of the values the writer assigned.
from _stress import SCALE, errors, finish, run

N = 3000 * SCALE   # a class rename is slow (tn_slots_update per dunder)


class C:
    pass


class E(Exception):
    pass


NAME = ("C", "E", "N")   # the initial names, and the prefix of assigned ones
QUAL = ("C", "E", "Q")
done = []


def writer():
    for i in range(N):
        # Fresh strings (not interned), so that the old ones really die.
        C.__name__ = "N%d" % i
        C.__qualname__ = "Q%d" % i
        E.__name__ = "N%d" % i
    done.append(1)


def expect(what, kind, s):
    ok = s in kind[:2] or (s[:1] == kind[2] and s[1:].isdigit() and int(s[1:]) < N)
    if not ok:
        raise AssertionError("%s: %r" % (what, s))


def reader():
    c = C()
    e = E(1)
    while not done:
        expect("C.__name__", NAME, C.__name__)
        expect("C.__qualname__", QUAL, C.__qualname__)
        expect("repr(C)", QUAL, repr(C)[len("<class '__main__."):-2])
        r = repr(c)
        expect("repr(C())", QUAL, r[len("<__main__."):r.index(" object")])
        r = repr(e)
        expect("repr(E(1))", NAME, r[:-len("(1)")])
        try:
            len(c)
        except TypeError as err:
            m = str(err)
            expect("len() message", NAME, m[len("object of type '"):-len("' has no len()")])


run([writer, reader, reader], on_error=lambda: done.append(1))
C.__name__ = "N1"
C.__qualname__ = "Q2"
if C.__name__ != "N1" or repr(C) != "<class '__main__.Q2'>":
    errors.append("after the writer: %r %r" % (C.__name__, repr(C)))
finish("class_names", "%d renames" % N)
