print("a,b,,c".split(","), "a,b,,c".split(",", 1), "  a  b  ".split(), "".split(), "".split(","))
print("a b c".split(None, 1), "a,b,c".rsplit(",", 1), "  a  b  ".rsplit(None, 1), "abc".split("abc"))
print("l1\nl2\r\nl3\rl4".splitlines(), "x\n\ny\n".splitlines(True), "".splitlines(), "a\x0bb\x1cc".splitlines())
print("-".join(["a", "b"]), "".join([]), ", ".join("xyz"), "-".join(map(str, range(3))))
print("a:b:c".partition(":"), "a:b:c".rpartition(":"), "abc".partition("x"), "abc".rpartition("x"))
try:
    "x".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError", e)
