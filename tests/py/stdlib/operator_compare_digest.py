# _operator._compare_digest: equal/unequal/length, str (ASCII only) and
# bytes-like operands, CPython's messages
import _operator
c = _operator._compare_digest
print(c(b"abc", b"abc"), c(b"abc", b"abd"), c(b"abc", b"ab"), c("abc", "abc"), c(bytearray(b"x"), b"x"))
for a, b in (("é", "é"), (1, 2), ("a", b"a")):
    try:
        c(a, b)
    except TypeError as e:
        print("TypeError:", e)
