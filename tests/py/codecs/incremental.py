# Incremental and iterative coding through the registry: the codecs'
# IncrementalDecoder / IncrementalEncoder classes over _codecs with final.
import codecs

def chunks(data, n):
    return [data[i:i + n] for i in range(0, len(data), n)]

text = 'aé€\U0001f600z'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'utf-8-sig', 'utf-7',
            'latin-1', 'cp1252', 'unicode_escape', 'raw_unicode_escape', 'cp437']:
    s = text if enc not in ('latin-1', 'cp1252', 'cp437') else 'aé z'
    data = s.encode(enc)
    for size in (1, 2, 3):
        dec = codecs.getincrementaldecoder(enc)()
        parts = [dec.decode(c) for c in chunks(data, size)]
        parts.append(dec.decode(b'', final=True))
        ok = ''.join(parts) == s
        print(enc, size, ok, parts if size == 1 else '')
    e = codecs.getincrementalencoder(enc)()
    out = b''.join(e.encode(ch) for ch in s) + e.encode('', final=True)
    print(enc, 'encoder', out == data, out)

dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'a\xe2')), dec.getstate())
try:
    dec.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('final', e)
dec = codecs.getincrementaldecoder('utf-16')()
print(repr(dec.decode(b'\xfe')), repr(dec.decode(b'\xff\x00')), repr(dec.decode(b'a', final=True)))
print(list(codecs.iterdecode([b'a\xc3', b'\xa9b'], 'utf-8')))
print(list(codecs.iterencode(['a', 'é'], 'utf-16-le')))
print(codecs.getdecoder('utf-8')(b'ab'), codecs.getencoder('latin-1')('ab'))
try:
    codecs.getincrementaldecoder('nope')
except LookupError as e:
    print('LookupError', e)
