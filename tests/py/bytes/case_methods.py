# case conversion and classification
for b in [b'hello World', b'ABC def', b'123abc', b'', b'  ', b'Title Case', b'mIxEd 42x']:
    print(b.lower(), b.upper(), b.swapcase(), b.capitalize(), b.title())
    print(b.isalnum(), b.isalpha(), b.isdigit(), b.islower(), b.isupper(), b.isspace(), b.istitle(), b.isascii())
print(b'\x80abc'.upper(), b'\xe9'.isascii(), bytearray(b'aBc').swapcase(), bytearray(b'x').isalpha())
print(b"they're bill's".title(), b'hello\tworld'.capitalize())
