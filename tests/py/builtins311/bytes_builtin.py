print(bytes(), bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytes(b"xy"))
print(bytes(range(5)), bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex(":"))
b = b"Hello, World"
print(b.lower(), b.split(b", "), b[0], b[-1:], b * 2, b"x" in b, 72 in b)
print(b.startswith(b"He"), b.count(b"l"), b.index(b"W"), b.strip(b"Hd"))
print(b.decode(), b"\xff".decode("latin-1"), b"abc".decode("ascii"))
print(bytes("abc", "ascii", "strict"), "é".encode("utf-8", "strict"))
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    bytes("x")
except TypeError as e:
    print("TypeError", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(b"%d-%s" % (5, b"x"), b"a,b".join([b"1", b"2"]))
