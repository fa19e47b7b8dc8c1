# bytes literals: prefixes, escapes, implicit concatenation, repr quoting
print(b'', b'abc', B'ABC', rb'\x41\n', Rb'\d', br'\t', bR'x')
print(b'a\'b', b"it's", b'say "hi"', b'both \' and "')
print(b'\x00\x01\x7f\x80\xff', b'\n\t\r\\', b'\a\b\f\v', b'\101\102\7', b'\0')
print(b'\u1234', b'\N{DASH}', b'\q', len(b'\u1234'))
print(b'ab' b'cd', b'x' rb'\y', (b'multi'
      b'line'))
print(b"""triple
quoted""", b'''x''')
x = b'1'
y = '1'
print(x == y, type(x).__name__, type(y).__name__)
print(b'\
continued')
