# str.encode: utf-8 / ascii / latin-1 and error handlers
s = 'héllo €'
print(s.encode(), s.encode('utf-8'), s.encode('UTF-8'), s.encode('utf8'), s.encode('u8'), s.encode(encoding='utf_8'))
print('abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('latin1'), 'é'.encode('iso-8859-1'), '\U0001f600'.encode())
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'), s.encode('ascii', 'backslashreplace'))
print(s.encode('ascii', 'xmlcharrefreplace'), s.encode('latin-1', 'replace'), s.encode('latin-1', errors='xmlcharrefreplace'))
print('\udcff'.encode('utf-8', 'surrogateescape'), '\ud800'.encode('utf-8', 'backslashreplace'), '\ud800x'.encode('utf-8', 'ignore'))
print(''.encode(), 'x'.encode('ascii', 'strict'))
for args in [('ascii',), ('latin-1',), ('foo',), (5,), ('utf-8', 5)]:
    try:
        print(s.encode(*args))
    except Exception as e:
        print(type(e).__name__, e)
for t in ['\ud800', 'a\xe9\xe9', '\U0001f600']:
    try:
        print(t.encode('ascii' if t != '\ud800' else 'utf-8'))
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e, isinstance(e, UnicodeError), isinstance(e, ValueError))
