class A:
    x = 1
    def m(self):
        pass
class B(A):
    y = 2
b = B()
b.z = 3
names = [n for n in dir(b) if not n.startswith("__")]
print(names)
print([n for n in dir(B) if not n.startswith("__")])
class Custom:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(Custom()))
print("append" in dir([]), "keys" in dir({}), "real" in dir(1))
def f():
    a = 1
    b = 2
    return dir()
print(f())
