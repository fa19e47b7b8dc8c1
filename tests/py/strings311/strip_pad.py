print(repr("  x  ".strip()), repr("xxhixx".strip("x")), repr("  x  ".lstrip()), repr("  x  ".rstrip()), repr("abcXcba".strip("abc")))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6)), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("toolong".center(3)))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(1), "".zfill(3))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), repr("\t".expandtabs(0)), "12345\t6".expandtabs(3))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "x".removeprefix("y"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
