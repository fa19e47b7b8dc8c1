it = iter([1, 2, 3])
print(next(it), list(it))
vals = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(vals), 0)))
state = {"n": 0}
def counter():
    state["n"] += 1
    return state["n"]
print(list(iter(counter, 4)))
print(list(iter("abc")), list(iter({"k": 1})), list(iter((1,))))
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError", e)
s = iter(lambda: 1, 1)
print(list(s))
