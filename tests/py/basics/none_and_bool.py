# None and bool identities
print(None)
print(None is None, None == None, None is not None)
print(True, False)
print(True == 1, False == 0)
print(True is True, False is not True)
print(not None, not 0, not 1)
def f():
    return
print("bare return:", f())
def g():
    x = 1
print("no return:", g())
print("not of bool:", not True, not False)
print("True + True =", True + True)
print("str(None) =", str(None), "str(True) =", str(True))
print([None, False])
