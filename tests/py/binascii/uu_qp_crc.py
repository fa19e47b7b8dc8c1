# binascii: uuencode, quoted-printable, crc32 and crc_hqx.
import binascii

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in [b'', b'x', b'hello world' * 4, bytes(range(45))]:
    e = binascii.b2a_uu(s)
    print(e, binascii.a2b_uu(e) == s)
print(binascii.b2a_uu(b'', backtick=True), binascii.b2a_uu(b'\x00\x00\x00', backtick=True))
t('uu too long', lambda: binascii.b2a_uu(b'x' * 46))
t('uu empty', lambda: binascii.a2b_uu(b''))
t('uu str', lambda: binascii.a2b_uu('#86)C\n'))
t('uu illegal', lambda: binascii.a2b_uu(b'!\x01'))
t('uu trailing', lambda: binascii.a2b_uu(b'!!!!!!'))
t('uu short line', lambda: binascii.a2b_uu(b'$86)C\n'))
t('uu backtick in', lambda: binascii.a2b_uu(b'#````\n'))
t('uu 2 positional', lambda: binascii.b2a_uu(b'a', True))
for s in [b'hello=world', b'a b\t\nc  \r\nd', b'.\n', b'x' * 100, b'\xff\x00ab_ c', b'line \n', b'tab\t',
          b'a\r\nb\nc', b'y' * 74 + b'\xff\n']:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(s, **kw)
        print(kw, e, binascii.a2b_qp(e, header=kw.get('header', False)) == s)
for s in [b'a=3Db', b'a=\nb', b'a=\r\nb', b'a==b', b'a=zzb', b'a=', b'a_b', b'=4', b'=4g', b'a=\r', 'x=41']:
    print(s, binascii.a2b_qp(s), binascii.a2b_qp(s, header=True), binascii.a2b_qp(data=s))
print(binascii.crc32(b'hello'), binascii.crc32(b'hello', 123), binascii.crc32(b''), binascii.crc32(b'a', -1))
print(binascii.crc32(b'a', 2**40 + 5), binascii.crc32(memoryview(b'hello world')[6:]))
print(binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'hello', 0xffff), binascii.crc_hqx(b'', 0x12345))
print(binascii.crc_hqx(b'123456789', 0xffff), binascii.crc_hqx(b'x', -1))
t('crc32 str', lambda: binascii.crc32('a'))
t('crc32 float', lambda: binascii.crc32(b'a', 1.5))
t('crc32 kw', lambda: binascii.crc32(b'a', crc=1))
t('crc_hqx 1 arg', lambda: binascii.crc_hqx(b'a'))
