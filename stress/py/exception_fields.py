# stress/py/exception_fields.py -- the fields of shared exception objects
# are replaced by one thread while others read them, str() / repr() them and
# raise them (issue 9: the setters stored the new value and dropped the old
# one at once, freeing it under a reader that had just loaded it).
#   - __context__, __cause__, __traceback__, args, StopIteration.value,
#     OSError.filename, SyntaxError.msg replaced with fresh objects: every
#     read is a value the writer assigned (or the initial one);
#   - str() / repr() of the exceptions while their args / fields change:
#     always one whole assigned value;
#   - raising the same exception object from several threads while another
#     replaces its __traceback__: the traceback chain stays well formed.
from _stress import SCALE, errors, finish, run

N = 12000 * SCALE


class Tag:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def __repr__(self):
        return "T%d" % self.k

    __str__ = __repr__


def fresh_tb():
    try:
        raise KeyError("tb")
    except KeyError as e:
        return e.__traceback__


base = ValueError(Tag(0))
stop = StopIteration(Tag(0))
oserr = OSError(2, "No such file", "f0")
synerr = SyntaxError("m0", ("file.py", 1, 1, "x"))
done = []


def writer():
    for i in range(N):
        base.__context__ = KeyError(Tag(i))
        base.__cause__ = TypeError(Tag(i))
        base.__traceback__ = fresh_tb()
        base.args = (Tag(i),)
        stop.value = Tag(i)
        oserr.filename = "f%d" % i
        synerr.msg = "m%d" % i
        if i % 64 == 0:
            base.__cause__ = None
            base.__suppress_context__ = False
    done.append(1)


def check_tag(what, v):
    if type(v) is not Tag or v.k < 0:
        raise AssertionError("%s read %r" % (what, v))


def reader():
    while not done:
        c = base.__context__
        if c is not None:
            check_tag("__context__.args", c.args[0])
        c = base.__cause__
        if c is not None:
            check_tag("__cause__.args", c.args[0])
        tb = base.__traceback__
        if tb is not None and tb.tb_lineno <= 0:
            raise AssertionError("traceback line %r" % (tb.tb_lineno,))
        check_tag("args", base.args[0])
        check_tag("StopIteration.value", stop.value)
        s = str(base)
        if not s.startswith("T"):
            raise AssertionError("str %r" % (s,))
        r = repr(base)
        if not r.startswith("ValueError(T"):
            raise AssertionError("repr %r" % (r,))
        s = str(oserr)
        if not s.startswith("[Errno 2] No such file: 'f"):
            raise AssertionError("OSError str %r" % (s,))
        s = str(synerr)
        if not s.startswith("m"):
            raise AssertionError("SyntaxError str %r" % (s,))


def raiser():
    n = 0
    while not done:
        try:
            raise base
        except ValueError as e:
            tb = e.__traceback__
            depth = 0
            while tb is not None and depth < 10000:
                tb = tb.tb_next
                depth += 1
            if tb is not None:
                raise AssertionError("traceback chain does not end")
        n += 1


run([writer, reader, raiser], on_error=lambda: done.append(1))
base.args = (Tag(7),)
oserr.filename = "last"
if str(base) != "T7" or str(oserr) != "[Errno 2] No such file: 'last'":
    errors.append("after the writer: %r, %r" % (str(base), str(oserr)))
finish("exception_fields", "%d replacements of 7 fields" % N)
