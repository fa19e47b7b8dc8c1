# hex() and %-formatting
b = b'\xde\xad\xbe\xef\x01'
print(b.hex(), b.hex(':'), b.hex('-', 2), b.hex(' ', -2), b.hex(b'_', 3), b''.hex(), bytearray(b'\x0f').hex())
print(b'%d %s %r' % (1, b'x', b'y'), b'%5s|%-5s|%.1s' % (b'ab', b'cd', b'ef'), b'%b' % bytearray(b'ba'))
print(b'%x %X %o %05.2f %e %g %i %u' % (255, 255, 8, 3.14159, 1.5, 0.25, -3, 7))
print(b'%c%c' % (65, b'z'), b'%a' % 'é', b'%r' % 'x', b'%%', b'%5d|%-4d|%+d' % (42, 7, 3), b'%*d' % (4, 1))
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 9}, b'%s' % b'single', bytearray(b'%d') % 5)
for fmt, args in [(b'%d', 'x'), (b'%s', 'x'), (b'%d %d', (1,)), (b'%d', (1, 2)), (b'%c', 256), (b'%c', 'a'),
                  (b'%x', 1.5), (b'%z', 1)]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: b.hex('::'), lambda: b.hex(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
