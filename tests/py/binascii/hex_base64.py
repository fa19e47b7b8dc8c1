# binascii: hexlify/unhexlify (sep, bytes_per_sep) and base64
# (strict_mode, newline) with CPython's messages.
import binascii

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

t('hexlify', lambda: binascii.hexlify(b'\x01\xab\xff'))
t('hexlify sep', lambda: binascii.hexlify(b'\x01\xab\xff\x10', '-', 2))
t('hexlify sep neg', lambda: binascii.hexlify(b'\x01\xab\xff\x10\x20', b':', -2))
t('b2a_hex kw', lambda: binascii.b2a_hex(b'\x01\xab', sep=b':'))
t('hexlify bytearray', lambda: binascii.hexlify(bytearray(b'xyz')))
t('hexlify bad sep', lambda: binascii.hexlify(b'abc', 3))
t('hexlify long sep', lambda: binascii.hexlify(b'abc', '--'))
t('hexlify str', lambda: binascii.hexlify('ab'))
t('unhexlify', lambda: binascii.unhexlify('01abFF'))
t('a2b_hex bytes', lambda: binascii.a2b_hex(b'00ff'))
t('unhexlify odd', lambda: binascii.unhexlify(b'a'))
t('unhexlify bad', lambda: binascii.unhexlify(b'zz'))
t('unhexlify non-ascii', lambda: binascii.unhexlify('é1'))
t('a2b_hex int', lambda: binascii.a2b_hex(3))
for s in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[::37]]:
    e = binascii.b2a_base64(s)
    print(e, binascii.a2b_base64(e) == s, binascii.b2a_base64(s, newline=False))
for s in [b'Zm9v\nYmE=', b'Zm9vY', b'Zm9vYm', b'=Zm9v', b'Zm9v==', b'Zm9vYg==x', b'Zm!9v', b'Zm9vY=g=',
          b'Zg=', b'Zg==Zg==', 'Zm9v', b'Zm9v YmFy']:
    t('a2b %r' % (s,), lambda: binascii.a2b_base64(s))
    t('strict %r' % (s,), lambda: binascii.a2b_base64(s, strict_mode=True))
t('a2b 2 positional', lambda: binascii.a2b_base64(b'ab', True))
t('a2b none', lambda: binascii.a2b_base64())
t('a2b kw unknown', lambda: binascii.a2b_base64(b'ab', foo=1))
t('b2a str', lambda: binascii.b2a_base64('ab'))
t('Error', lambda: (binascii.Error.__mro__, binascii.Incomplete.__mro__, binascii.Error.__module__))
import codecs
t('hex codec', lambda: (codecs.encode(b'abc', 'hex'), codecs.decode(b'616263', 'hex')))
t('hex codec error', lambda: codecs.decode(b'abc', 'hex'))
try:
    codecs.decode(b'abc', 'hex_codec')
except binascii.Error as e:
    print('cause', type(e.__cause__).__name__, e.__cause__)
t('unhexlify kw', lambda: binascii.unhexlify(hexstr=b'00'))
