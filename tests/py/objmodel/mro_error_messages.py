class O: pass
class A(O): pass
class B(O): pass
try:
    class Bad(A, O, B): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print("TypeError", e)
