print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "x".replace("x", "yy"), "aaaa".replace("aa", "a"), "abc".replace("b", "b", 0))
t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t), sorted(t.items()))
t2 = str.maketrans({"a": "AA", "b": None, "c": 100})
print("abcabc".translate(t2))
t3 = str.maketrans("ab", "cd", "xyz")
print("axbycz".translate(t3))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError", e)
print("hello".translate({ord("l"): "L"}))
