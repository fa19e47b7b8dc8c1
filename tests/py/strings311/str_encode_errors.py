try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)

try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)

try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    b"x".decode("utf-8", "bogus-handler")
    print("no error for unused handler")
    b"\xff".decode("utf-8", "bogus-handler")
except LookupError as e:
    print("LookupError", e)
print("abc".encode("UTF8"), "abc".encode("utf_8"), "abc".encode("Latin1"))
