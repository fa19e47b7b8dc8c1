# tuple/list relationships without constructors
t = (1, 2, 3)
lst = []
for x in t:
    lst.append(x)
print(lst, t)
print(str(t), str((1,)), str(()))
print(str(("a", "b")))
def args_tuple(a, b, c):
    return (c, b, a)
print(args_tuple(1, 2, 3))
print(isinstance(t, tuple), isinstance(lst, tuple), isinstance(t, (list, tuple)))
empty = ()
print(len(empty), not empty, not (0,))
