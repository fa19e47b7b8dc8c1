# What weakref.WeakMethod needs from bound methods: types.MethodType(func,
# obj) rebuilds one, and two bound methods of the same function and the
# same self are equal (and hash alike).
import _weakref


class A:
    def m(self):
        return "m of " + self.name

    def __init__(self, name):
        self.name = name


a, b = A("a"), A("b")
MethodType = type(a.m)
print("eq:", a.m == a.m, a.m != a.m, a.m == b.m, a.m == A.m, a.m == 1)
print("hash:", hash(a.m) == hash(a.m))
print("in dict:", {a.m: 1}[a.m])
rebuilt = MethodType(A.m, b)
print("rebuilt:", rebuilt(), rebuilt == b.m, type(rebuilt).__name__)
print("lambda:", MethodType(lambda self: self.name, a)())
for args in [(), (len,), (1, 2), (len, None)]:
    try:
        MethodType(*args)
    except TypeError as e:
        print("error:", e)
# The weak references WeakMethod keeps: to the object and to the function.
ro, rf = _weakref.ref(a), _weakref.ref(A.m)
m = MethodType(rf(), ro())
print("from refs:", m(), m == a.m)
del a, m
print("object gone:", ro(), rf() is A.m)
