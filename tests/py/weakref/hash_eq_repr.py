# Hash of a ref is the referent's, cached so it survives the referent;
# equality compares referents while both live, identity once one is dead;
# repr names the referent's type (addresses masked here).
import _weakref as weakref


class K:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, K) and self.k == other.k


def show(s):
    # Mask the addresses: every "0x" followed by hex digits.
    out, i = [], 0
    while i < len(s):
        if s.startswith("0x", i):
            i += 2
            while i < len(s) and s[i] in "0123456789abcdef":
                i += 1
            out.append("ADDR")
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


a, b = K(1), K(1)
ra, rb = weakref.ref(a), weakref.ref(b)
print("hash:", hash(ra) == hash(1), hash(rb) == hash(ra))
print("eq live:", ra == rb, ra != rb, ra == ra)
print("vs other type:", ra == 1, ra.__eq__(1))
d = {ra: "a"}
print("dict lookup:", d[rb])
del a
print("eq dead:", ra == rb, ra == ra, ra != rb)
print("hash kept:", hash(ra) == hash(1))
c = K(2)
rc = weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print("hash dead:", e)


def func():
    pass


class Plain:
    pass


p = Plain()
print(show(repr(weakref.ref(p))))
print(show(repr(weakref.ref(func))))
print(show(repr(weakref.ref(Plain))))
r = weakref.ref(Plain())
print(show(repr(r)))
print(show(repr(weakref.proxy(p))))
try:
    weakref.ref(p) < weakref.ref(p)
except TypeError as e:
    print("order:", e)
