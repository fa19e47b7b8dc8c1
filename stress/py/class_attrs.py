# stress/py/class_attrs.py -- class attributes change while other threads
# call methods and read class attributes.  This drives the type attribute
# cache and the type version tags: a thread must never see a stale method
# after the writer's change is complete, never a freed one while it runs,
# and the caches of a subclass must follow changes to its base.
#   - readers call obj.method() / read Cls.attr while a writer rebinds them:
#     every result is one of the versions the writer installed;
#   - after the writer joins, every thread (a fresh one) sees the last
#     version (the cache was invalidated, not merely raced);
#   - assigning a special method (__len__) while other threads call len()
#     on instances of the class and of a subclass: always one of the two
#     versions, and the last one afterwards;
#   - many new classes created in parallel get distinct version tags: a
#     lookup on one class never returns another class's attribute.
import threading

from _stress import SCALE, errors, finish, run

N = 5000 * SCALE


def make_method(k):
    def method(self):
        return k
    return method


class Base:
    attr = 0

    def method(self):
        return 0


class Derived(Base):
    pass


NVER = 8
METHODS = [make_method(k) for k in range(NVER)]
ORIGINAL = Base.__dict__["method"]
stop = threading.Event()


def writer():
    for i in range(N):
        k = i % NVER
        Base.method = METHODS[k]           # a fresh binding every time
        Base.attr = [k]                    # a fresh object: the old one dies
        if i % 64 == 0:
            Derived.extra = i              # touches only the subclass
            del Derived.extra
    Base.method = METHODS[NVER - 1]
    Base.attr = [NVER - 1]
    stop.set()


def caller():
    b, d = Base(), Derived()
    while not stop.is_set():
        for o in (b, d):
            k = o.method()
            if not 0 <= k < NVER:
                raise AssertionError("method returned %r" % (k,))
        a = Derived.attr
        if a != 0 and (type(a) is not list or not 0 <= a[0] < NVER):
            raise AssertionError("class attribute read %r" % (a,))
        m = Base.method
        if m is not ORIGINAL and m not in METHODS:
            raise AssertionError("Base.method is %r" % (m,))


run([writer, caller, caller])
final = []


def check_final():
    final.append((Base().method(), Derived().method(), Derived.attr[0]))


run([check_final, check_final])
if final != [(NVER - 1,) * 3] * 2:
    errors.append("after the writer: threads see %r, expected %r" % (final, (NVER - 1,) * 3))

# Special methods: assigning a dunder refreshes the C-level slots of the
# class and its subclasses while other threads call the operators.
class Sized:
    def __len__(self):
        return 1


class SizedChild(Sized):
    pass


def len_a(self):
    return 1


def len_b(self):
    return 2


dunder_stop = threading.Event()


def dunder_writer():
    for i in range(N // 4):
        Sized.__len__ = len_a if i & 1 else len_b
    Sized.__len__ = len_b
    dunder_stop.set()


def dunder_caller():
    objs = (Sized(), SizedChild())
    while not dunder_stop.is_set():
        for o in objs:
            n = len(o)
            if n not in (1, 2):
                raise AssertionError("len() returned %r" % (n,))


run([dunder_writer, dunder_caller, dunder_caller])
if len(Sized()) != 2 or len(SizedChild()) != 2:
    errors.append("after dunder writes: len() gives %d / %d, expected 2"
                  % (len(Sized()), len(SizedChild())))

# Many classes created in parallel, each with its own value of `tag`: a
# lookup through one class never finds another class's value.
made = [[] for _ in range(4)]


def creator(tid):
    def create():
        for i in range(N // 8):
            tag = tid * N + i
            C = type("C%d_%d" % (tid, i), (Base,), {"tag": tag, "method": make_method(tag)})
            obj = C()
            if obj.tag != tag or obj.method() != tag or C.tag != tag:
                raise AssertionError("class %s sees tag %r" % (C.__name__, obj.tag))
            made[tid].append(C)
    return create


run([creator(t) for t in range(4)])
for tid in range(4):
    for i, C in enumerate(made[tid]):
        if C().method() != tid * N + i:
            errors.append("class %s: wrong method after creation race" % C.__name__)
            break

finish("class_attrs", "%d class-attribute writes" % N)
