print(str(b"h\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(bytearray(b"x"), "latin-1"))
print(str(b"\xff", "utf-8", "replace"), str(b"a\xffb", errors="ignore", encoding="utf-8"))
try:
    str("s", "utf-8")
except TypeError as e:
    print("TypeError", e)
