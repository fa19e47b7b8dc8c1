print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0[1]} {d[k]}".format([5, 6], d={"k": "v"}))
class P:
    x = 3
print("{p.x} {0.x}".format(P(), p=P()))
print("{{}} {{{0}}}".format(7), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
print("{0!r} {0!s} {0!a}".format("é"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 4) + "|")
print("{0:{1}{2}}".format(42, ">", 6))
for bad in ["{", "}", "{0", "{!x}", "{a}", "{1}", "{:d}"]:
    try:
        print(bad.format("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{} {0}".format(1, 2)
except ValueError as e:
    print("ValueError", e)
print("{}".format_map({}) if False else "{x}".format_map({"x": 9}))
