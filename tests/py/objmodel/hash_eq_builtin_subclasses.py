# __eq__/__hash__ interplay on subclasses of builtins
class D(dict):
    def __eq__(self, o): return True
try: hash(D())
except TypeError as e: print("TypeError", e)
class T(tuple):
    def __eq__(self, o): return False
try: hash(T())
except TypeError as e: print("TypeError", e)
class T2(tuple):
    def __eq__(self, o): return False
    __hash__ = tuple.__hash__
print(hash(T2((1,))) == hash((1,)))
class S(str):
    def __hash__(self): return 1
print(hash(S("a")), {S("a"): 1}.get("a"), S("a") == "a")
class F(float):
    def __eq__(self, o): return "feq"
print(F(1) == 2, 2 == F(1))
class Base:
    def __hash__(self): return 7
class Child(Base):
    def __eq__(self, o): return True
try: hash(Child())
except TypeError as e: print("TypeError", e)
class Child2(Base):
    pass
print(hash(Child2()))
class NE:
    def __ne__(self, o): return "ne"
print(NE() != 1, NE() == NE())
