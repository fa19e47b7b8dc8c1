class C:
    a = 1
c = C()
c.x = 10
print(getattr(c, "x"), getattr(c, "a"), getattr(c, "nope", "dflt"))
print(hasattr(c, "x"), hasattr(c, "nope"), hasattr(5, "real"))
delattr(c, "x")
print(hasattr(c, "x"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError", e)
try:
    delattr(c, "a")
except AttributeError as e:
    print("AttributeError", e)
class Boom:
    @property
    def p(self):
        raise ValueError("boom")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print("ValueError propagates", e)
setattr(C, "b", 2)
print(c.b)
