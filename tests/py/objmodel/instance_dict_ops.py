class C:
    cls_attr = "cls"

c = C()
print(c.__dict__)
c.a = 1
c.__dict__["b"] = 2
print(c.a, c.b, vars(c))
c.cls_attr = "inst"
print(c.cls_attr, C.cls_attr)
del c.cls_attr
print(c.cls_attr)
c.__dict__ = {"z": 26}
print(c.z, hasattr(c, "a"))
try:
    c.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
print(c.__class__.__name__)
