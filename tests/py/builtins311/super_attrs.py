class A:
    pass
class B(A):
    pass
b = B()
s = super(B, b)
print(s.__thisclass__.__name__, s.__self_class__.__name__, s.__self__ is b)
print(super(B, B).__self__ is B, repr(super(B, b)).startswith("<super: <class 'B'>"))
