s = "naïve café 日本語 😀"
print(len(s), s[2], s[-1], s[11:14], s[::-1])
print(s.encode("utf-8"), len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("é".encode("latin-1"), "x".encode("ascii"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"))
print(b"caf\xc3\xa9".decode(), b"\xe9".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xff".decode("utf-8", "backslashreplace"))
print(sorted(["é", "e", "z", "a", "É"]), "é" > "z", "a" < "b" < "ä")
print("\u03b1" == "α", "\U0001F600" == "😀", "\x41")
print([c for c in "aé😀"], [ord(c) for c in "aé😀"])
print("straße".upper(), "ΣΑΣ".lower(), "ﬃ".upper())
