s = "hello"
print(s * 3, 3 * s, s * 0, s * -1, s + "!", "ell" in s, "" in s, s[1:4], s[::2], s[10:], s[-100:2])
print(s < "help", s == "hello", s != "Hello", min(s), max(s), sorted(s))
print(hash("a") == hash("a"), "a" "b", "abc"[1], str.__len__("xyz"))
it = iter("ab")
print(next(it), next(it))
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
print("%s" % "x")
print("Hello {}".format("w"), "a-b".split("-"), "ABC".lower().upper())
