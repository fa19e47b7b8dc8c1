print(ascii("abc"), ascii("é"), ascii("日本"), ascii("\U0001F600"))
print(ascii(["é", 1]), ascii({"k": "ü"}))
print(repr("é"), repr("a'b"), repr('a"b'), repr("a'\"b"), repr("\n\t\x00\x7f"))
print(repr(b"\x00ab\xff"), repr(bytearray(b"x")))
print(ascii(b"\xff"), ascii(1.5), ascii(None))
class C:
    def __repr__(self):
        return "Cé"
print(ascii(C()), repr(C()))
print(repr("\u200b"), repr("\xa0"), repr("\ud800"))
