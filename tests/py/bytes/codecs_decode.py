# bytes.decode and bytearray.decode
print(b'h\xc3\xa9llo'.decode(), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'), b'\xf0\x9f\x98\x80'.decode() == '\U0001f600')
print(bytearray(b'\xc3\xa9').decode('utf-8'), b'x'.decode(encoding='U8'), b''.decode())
bad = b'a\xffb\xc3'
print(bad.decode('utf-8', 'replace'), bad.decode('utf-8', 'ignore'), bad.decode('utf-8', 'backslashreplace'))
print(ascii(bad.decode('utf-8', 'surrogateescape')), bad.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
print(b'\xe9t\xe9'.decode('ascii', 'replace'), b'\xe9'.decode('ascii', errors='ignore'))
for data, enc in [(b'\xff', 'utf-8'), (b'a\xc3', 'utf-8'), (b'\xc3\x28', 'utf-8'), (b'\xe9', 'ascii'),
                  (b'\xed\xa0\x80', 'utf-8'), (b'\xf0\x9f', 'utf-8'), (b'\xe0\x80\x80', 'utf-8'), (b'ok', 'foo'),
                  (b'\xf4\x90\x80\x80', 'utf-8'), (b'\xe2\x82', 'utf-8')]:
    try:
        print(data.decode(enc))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
    except LookupError as e:
        print('LookupError', e)
try:
    b'a'.decode(5)
except TypeError as e:
    print(e)
