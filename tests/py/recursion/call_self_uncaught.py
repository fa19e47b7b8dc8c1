# The case, uncaught: RecursionError and its traceback, exit 1.
class A:
    pass
A.__call__ = A()
print("calling")
A()()
