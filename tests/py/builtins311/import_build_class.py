m = __import__("math")
print(m.sqrt(16), m.__name__)
osp = __import__("os.path")
print(osp.__name__)
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e)
def body():
    x = 1
    def get(self):
        return self.x * 2
    return None
B = __build_class__(lambda: None, "Empty")
print(B.__name__, type(B).__name__)
def body2():
    pass
class Meta(type):
    pass
K = __build_class__(body2, "K", object, metaclass=Meta)
print(K.__name__, type(K).__name__, K.__bases__)
try:
    __build_class__(1, "X")
except TypeError as e:
    print("TypeError", e)
