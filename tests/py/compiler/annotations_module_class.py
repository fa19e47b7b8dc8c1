# Module and class __annotations__ from annotated assignments.
x: int = 3
y: str
print(__annotations__)
print("y" in globals())

class A:
    a: int = 1
    b: "list[int]"
    __private: float
    print("in body:", __annotations__)
print(A.__annotations__, A.a)

class Obj:
    pass
o = Obj()
# complex targets: the annotation is evaluated but not stored
def loud(v):
    print("evaluated", v)
    return v
o.attr: loud("attr") = 5
d = {}
d["k"]: loud("sub") = 6
(z): loud("paren") = 7
print(o.attr, d, z, __annotations__)

