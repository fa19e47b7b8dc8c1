print(repr("\a\b\f\n\r\t\v\\\'\""), repr("\101\x42\u0043\U00000044"), repr("\0"), repr("\777"[0]))
print(r"\n\t", repr(r"\x"), len(r"\\"), rb"\x00", repr(b"\x00\n"))
print("""multi
line""", '''also
 this''')
print("a\
b")
print(repr("tab\there"))
print(repr('\'' + "\""), "it's", 'say "hi"')
print(b"\x41\x42" == b"AB", "\u00e9" == "é", "\x7f".isprintable())
