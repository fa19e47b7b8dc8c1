# Instances visit their class, their __dict__ and their __slots__; classes
# visit their MRO, bases and base; builtin-type parts are visited too.
import gc

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

class Base:
    pass

class C(Base):
    def m(self):
        return 1

obj = C()
obj.x = [1]
d = obj.__dict__
print("instance dict", has(obj, d), "class", has(obj, C))

class S:
    __slots__ = ("a", "b")
s = S()
v = [2]
s.a = v
print("slots", has(s, v), has(s, S))
del s.a
print("slots emptied", has(s, v))

class SD(S):
    __slots__ = ("c", "__dict__")
sd = SD()
w = [3]
sd.c = w
sd.a = v
print("slots chain", has(sd, w), has(sd, v), has(sd, sd.__dict__))

class L(list):
    pass
item = [4]
lst = L([item])
lst.attr = 1
print("list subclass", has(lst, item), has(lst, L), has(lst, lst.__dict__))

class I(int):
    pass
i = I(7)
i.attr = item
print("int subclass", has(i, I), has(i, i.__dict__))

class D(dict):
    pass
dd = D(k=item)
print("dict subclass", has(dd, item), has(dd, D))

print("class mro", has(C, C.__mro__), "bases", has(C, C.__bases__), "base", has(C, Base))
print("static type", gc.get_referents(int), gc.get_referents(object))
print("plain object", gc.get_referents(object()))

class Meta(type):
    pass
class M(metaclass=Meta):
    pass
print("metaclass instance", has(M, M.__mro__), has(M, Meta))
