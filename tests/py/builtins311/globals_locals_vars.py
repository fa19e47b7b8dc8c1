gv = 5
def f(a):
    b = a + 1
    l = locals()
    return sorted(l.items())
print(f(1))
print(globals()["gv"], "f" in globals(), __name__)
globals()["newg"] = 7
print(newg)
class C:
    q = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
print(vars(C)["q"])
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
def g():
    x = 1
    def h():
        return x
    return sorted(locals())
print(g())
