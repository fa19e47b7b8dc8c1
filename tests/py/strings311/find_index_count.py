s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("zz"), s.find(""), s.find("", 11), s.find("", 12))
print(s.rfind("a"), s.rfind("abra"), s.rfind("a", 0, 5), s.rfind(""))
print(s.index("c"), s.rindex("b"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 2, -2))
print(s.find("a", -3), s.find("a", -100, 100), "aaa".count("aa"))
try:
    s.index("z")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("z")
except ValueError as e:
    print("ValueError", e)
print(s.startswith("abr"), s.startswith(("x", "ab")), s.startswith("bra", 1), s.endswith("bra"), s.endswith("a", 0, 1))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError", e)
