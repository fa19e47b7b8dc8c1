# UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError objects.
def t(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)
e = UnicodeEncodeError("ascii", "aé", 1, 2, "bad")
print(e.encoding, ascii(e.object), e.start, e.end, e.reason, e.args, str(e), repr(e))
e = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid")
print(e.encoding, e.object, e.start, e.end, e.reason, str(e), repr(e))
e = UnicodeDecodeError("utf-8", bytearray(b"abc"), 0, 2, "r")
print(e.object, str(e), e.args)
e = UnicodeTranslateError("a\u20acb", 1, 2, "no")
print(e.encoding, e.object, e.start, e.end, e.reason, str(e), repr(e))
print(str(UnicodeTranslateError("abc", 0, 3, "no")))
t(lambda: UnicodeEncodeError())
t(lambda: UnicodeEncodeError("a"))
t(lambda: UnicodeEncodeError(1, "x", 0, 1, "r"))
t(lambda: UnicodeEncodeError("a", b"x", 0, 1, "r"))
t(lambda: UnicodeEncodeError("a", "x", "0", 1, "r"))
t(lambda: UnicodeEncodeError("a", "x", 0, 1, 5))
t(lambda: UnicodeDecodeError("a", "x", 0, 1, "r"))
t(lambda: UnicodeDecodeError("a", 3, 0, 1, "r"))
t(lambda: UnicodeTranslateError("x", 0, 1))
t(lambda: UnicodeTranslateError(b"x", 0, 1, "r"))
t(lambda: str(UnicodeEncodeError("a", "xyz", 5, 9, "r")))
t(lambda: str(UnicodeEncodeError("a", "\U0001f600", 0, 1, "r")))
t(lambda: str(UnicodeEncodeError("a", "\u1234", 0, 1, "r")))
t(lambda: str(UnicodeDecodeError("a", b"", 0, 1, "r")))
e = UnicodeEncodeError("a", "xyz", 0, 1, "r")
e.start = 1
e.end = 3
e.reason = "why"
print(str(e), e.start, e.end)
e.encoding = 5
print(str(e))
print(issubclass(UnicodeTranslateError, UnicodeError), UnicodeTranslateError.__mro__)
t(lambda: str(UnicodeError("x", "y")))
try:
    "aé".encode("ascii")
except UnicodeError as e:
    print(type(e).__name__, e.args)
try:
    b"ab\xff\xfe".decode("utf-8")
except ValueError as e:
    print(type(e).__name__, e.args, e.object[e.start:e.end])
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print(e.args)
try:
    str(b"\xe9", "utf-8")
except UnicodeDecodeError as e:
    print(e.args, e)


class MyErr(UnicodeDecodeError):
    pass


e = MyErr("x", b"abc", 0, 1, "r")
print(str(e), e.object, isinstance(e, UnicodeDecodeError))
