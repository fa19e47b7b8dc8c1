# os.environ built by os.py over posix.environ (bytes), putenv/unsetenv
# reaching the C environment, fsencode/fsdecode, getenv, environb.
import os, posix

print(type(posix.environ).__name__, all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
os.environ['TN_POSIX_TEST'] = 'value \xe9'
print(os.environ['TN_POSIX_TEST'], os.getenv('TN_POSIX_TEST'), os.environb[b'TN_POSIX_TEST'])
print('TN_POSIX_TEST' in os.environ, os.environ.get('TN_POSIX_TEST_NO', 'dflt'))
os.environ.setdefault('TN_POSIX_TEST', 'other')
print(os.environ.pop('TN_POSIX_TEST'), 'TN_POSIX_TEST' in os.environ, os.getenv('TN_POSIX_TEST'))
os.environb[b'TN_POSIX_B'] = b'\xff'
print(repr(os.environ['TN_POSIX_B']))
del os.environ['TN_POSIX_B']
try:
    del os.environ['TN_POSIX_B']
except KeyError as e:
    print('KeyError', e)
for bad in [('a=b', 'c'), ('x\0', 'c')]:
    try:
        os.putenv(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    os.environ[1] = 'x'
except TypeError as e:
    print('TypeError', e)
print(os.fsencode('a\udcff'), os.fsdecode(b'a\xff') == 'a\udcff', os.fsencode(b'x'), os.fspath('s'))
try:
    os.fspath(1)
except TypeError as e:
    print('TypeError', e)
class P:
    def __fspath__(self):
        return 'p/q'
class Bad:
    def __fspath__(self):
        return 1
print(os.fspath(P()), os.path.join(P(), 'r'), os.path.basename(P()))
try:
    os.fspath(Bad())
except TypeError as e:
    print('TypeError', e)
try:
    os.stat(P())
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename)
print(isinstance(P(), os.PathLike), isinstance('x', os.PathLike), os.supports_bytes_environ)
print(os.getcwd() == os.getcwdb().decode(), type(os.getcwdb()).__name__)
