# cp1252 (a charmap codec) and utf-8-sig.
def t(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: "é€\u2122x".encode("cp1252"))
t(lambda: "é€\x81".encode("windows-1252"))
t(lambda: "ĀĀa".encode("cp1252"))
t(lambda: "ĀĀ".encode("cp1252", "xmlcharrefreplace"))
t(lambda: "Ā\udc85".encode("cp1252", "replace"))
t(lambda: "\udc80a".encode("cp1252", "surrogateescape"))
t(lambda: bytes(range(0x80, 0xa0)).decode("cp1252", "replace"))
t(lambda: b"\x80\x81\x9f".decode("cp1252"))
t(lambda: b"\x80\x81\x9f".decode("1252", "backslashreplace"))
t(lambda: b"\x81".decode("cp1252", "xmlcharrefreplace"))
t(lambda: b"\xef\xbb\xbfab".decode("utf-8-sig"))
t(lambda: b"ab".decode("utf-8-sig"))
t(lambda: "ab".encode("utf-8-sig"))
t(lambda: b"\xef\xbb\xbf\xff".decode("utf-8-sig"))
