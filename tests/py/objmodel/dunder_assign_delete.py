class T:
    def __add__(s, o): return "add"
    def __len__(s): return 3
    def __repr__(s): return "T!"
t = T()
print(t + 1, len(t), repr(t))
del T.__add__
try: t + 1
except TypeError as e: print("TypeError", e)
del T.__len__
try: len(t)
except TypeError as e: print("TypeError", e)
del T.__repr__
print(repr(t).startswith("<__main__.T object"))
class U(T): pass
T.__neg__ = lambda s: "neg"
print(-U())
T.__eq__ = lambda s, o: "eq"
print(U() == 1, T() == 2)
T.__hash__ = None
try: hash(U())
except TypeError as e: print("TypeError", e)
T.__hash__ = lambda s: 42
print(hash(U()))
T.__iter__ = lambda s: iter("ab")
print(list(U()))
T.__call__ = lambda s, *a: a
print(U()(1, 2))
T.__getitem__ = lambda s, k: ("gi", k)
print(U()[5], U()["k"])
T.__contains__ = lambda s, k: k == 1
print(1 in U(), 2 in U())
T.__bool__ = lambda s: False
print(bool(U()), not U())
T.__lt__ = lambda s, o: "lt"
print(U() < 1, 1 > U())
T.__index__ = lambda s: 2
print([0, 1, 2][U()], hex(U()))
T.__float__ = lambda s: 1.5
T.__int__ = lambda s: 7
print(float(U()), int(U()))
T.__getattr__ = lambda s, n: "ga " + n
print(U().whatever)
del T.__getattr__
try: U().whatever
except AttributeError as e: print("AttributeError", e)
T.__setattr__ = lambda s, n, v: print("setattr", n, v)
U().x = 1
del T.__setattr__
u = U(); u.x = 2; print(u.x)
class Outer:
    class Inner:
        pass
    def f(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner, Outer().f().__qualname__, Outer().f())
class CP:
    @classmethod
    @property
    def cp(cls): return "cp of " + cls.__name__
print(CP.cp)
