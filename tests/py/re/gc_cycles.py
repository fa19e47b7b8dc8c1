# A cycle through a Match object (its subject holds it) is collected.
import re, gc, weakref

class S(str):
    pass

gc.collect()
s = S("abc")
m = re.match("a(b)", s)
s.m = m
w = weakref.ref(s)
del s, m
print(w() is not None, gc.collect() > 0, w() is None)

p = re.compile("(?P<g>x)")
s = S("x")
s.p = p
s.m = p.match(s)
w = weakref.ref(s)
del s
gc.collect()
print(w() is None, p.match("x").groupdict())
