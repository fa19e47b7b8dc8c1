import sys
print()
print(1, 2, 3)
print(1, 2, sep="-")
print("a", "b", sep="", end="|\n")
print("x", end="")
print()
print(*[1, 2, 3], sep=", ")
print("to stdout", file=sys.stdout)
print(None, True, 1.0, [1], (1,), {1: 2}, "s")
print("flush", flush=True)
print(sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", foo=1)
except TypeError as e:
    print("TypeError", e)
