class C:
    @property
    def x(self):
        return 42

c = C()
print(c.x)
try:
    c.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del c.x
except AttributeError as e:
    print("AttributeError", e)
p = property()
try:
    p.__get__(c, C)
except AttributeError as e:
    print("AttributeError", e)
print(p.fget, p.fset, p.fdel)
