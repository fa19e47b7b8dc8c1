cases = [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1114112), ("%c", "ab"), ("%x", 1.5), ("%", ())]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    "%(a)s" % {}
except KeyError as e:
    print("KeyError", e)
print("no args" % ())
try:
    print("no args" % (1,))
except TypeError as e:
    print("TypeError", e)
