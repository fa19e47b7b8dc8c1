# __slots__ checks and layout details (CPython's type_new_slots)
def attempt(src):
    try:
        exec(src, {})
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

attempt("class A:\n    __slots__ = ('x',)\n    x = 5")
attempt("class A:\n    __slots__ = ('__p',)\n    _A__p = 1")
attempt("class A:\n    __slots__ = (1,)")
attempt("class A:\n    __slots__ = ('1a',)")
attempt("class A:\n    __slots__ = ('a b',)")
attempt("class A:\n    __slots__ = ('__dict__', '__dict__')")
attempt("class B: pass\nclass C(B):\n    __slots__ = ('__dict__',)")
attempt("class A:\n    __slots__ = ('__weakref__', '__weakref__')")
attempt("class B: pass\nclass C(B):\n    __slots__ = ('__weakref__',)")
attempt("class C(int):\n    __slots__ = ('__weakref__',)")
attempt("class C(tuple):\n    __slots__ = ('__dict__',)")
attempt("class C(str):\n    __slots__ = ('__dict__', '__weakref__', 'a')")

class P:
    __slots__ = ("__secret", "plain")
    def __init__(self):
        self.__secret = 1
        self.plain = 2
    def get(self):
        return self.__secret
p = P()
print(p.get(), p.plain, P.__slots__, sorted(k for k in P.__dict__ if "secret" in k or k == "plain"))

class S:
    __slots__ = "single"
s = S()
s.single = 3
print(s.single, S.__slots__, type(S.__dict__["single"]).__name__)

class D:
    __slots__ = {"a": "doc a", "b": "doc b"}
d = D()
d.a, d.b = 1, 2
print(d.a, d.b, D.__slots__)

class W:
    __slots__ = ("__weakref__",)
print(W().__weakref__, "__weakref__" in W.__dict__)
try:
    W().x = 1
except AttributeError as e:
    print("AttributeError", e)
del_target = D()
try:
    del del_target.a
except AttributeError as e:
    print("AttributeError", e)
