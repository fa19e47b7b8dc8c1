# The codec registry: lookup (name normalisation, caching), search
# functions, register/unregister, codecs.encode/decode, text-only checks.
import codecs

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for name in ['utf-8', 'UTF8', 'latin_1', 'Latin-1', 'cp1252', 'mac-roman', 'koi8_r', 'U8', 'utf_16_le', 'ascii']:
    ci = codecs.lookup(name)
    print(name, ci.name, type(ci).__name__, len(ci) == 4, ci._is_text_encoding)
print('cached', codecs.lookup('utf-8') is codecs.lookup('UTF-8'))
t('unknown', lambda: codecs.lookup('no-such-codec'))
t('int', lambda: codecs.lookup(3))
t('nul', lambda: codecs.lookup('a\0b'))
t('register int', lambda: codecs.register(3))

seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    if name == 'bad_codec':
        return (1, 2)
    return None
codecs.register(search)
t('lookup', lambda: codecs.lookup('  My--Codec  ').name)
t('encode', lambda: 'abc'.encode('my codec'))
t('decode', lambda: b'ABC'.decode('MY.codec'.replace('.', '-')))
t('str()', lambda: str(b'XYZ', 'my_codec'))
t('codecs.encode', lambda: codecs.encode('hi', 'my_codec'))
t('codecs.decode', lambda: codecs.decode(b'HI', 'my_codec'))
t('bad', lambda: codecs.lookup('bad_codec'))
t('Foo Bar', lambda: codecs.lookup('Foo Bar-Baz'))
t('x..y', lambda: codecs.lookup('  X..y--Z  '))
print('seen', seen)
codecs.unregister(search)
t('after unregister', lambda: codecs.lookup('my_codec'))
print('unregister twice', codecs.unregister(search))

t('rot13 encode', lambda: 'x'.encode('rot13'))
t('rot13 decode', lambda: b'x'.decode('rot13'))
t('rot13 codecs', lambda: codecs.encode('Hello', 'rot13'))
t('str rot13', lambda: str(b'x', 'rot_13'))
t('encode kw', lambda: codecs.encode(obj='a', encoding='ascii', errors='strict'))
t('encode none', lambda: codecs.encode())
t('encode enc int', lambda: codecs.encode('a', 3))
t('decode str', lambda: codecs.decode('ab', 'utf-8'))
t('default', lambda: codecs.encode('é'))

def failing(name):
    if name == 'failing':
        def enc(s, errors='strict'):
            raise ValueError('nope')
        def enc2(s, errors='strict'):
            return 'not a tuple'
        def enc3(s, errors='strict'):
            return ('text', 1)
        return codecs.CodecInfo(enc, enc2, name='failing')
    if name == 'wrongtype':
        return codecs.CodecInfo(lambda s, e='strict': ('text', 1), lambda b, e='strict': (b'x', 1), name='wrongtype')
codecs.register(failing)
t('wrapped', lambda: 'a'.encode('failing'))
t('wrapped codecs', lambda: codecs.encode('a', 'failing'))
t('not tuple', lambda: b'a'.decode('failing'))
t('enc returns str', lambda: 'a'.encode('wrongtype'))
t('dec returns bytes', lambda: b'a'.decode('wrongtype'))
t('codecs any type', lambda: codecs.encode('a', 'wrongtype'))
try:
    'a'.encode('failing')
except ValueError as e:
    print('cause', type(e.__cause__).__name__, e.__cause__)
