# The OSError subclass CPython's errno map picks, the warning classes
# os.py/posixpath name, and the sys functions os.py calls
# (getfilesystemencoding, getfilesystemencodeerrors, audit).
import errno, sys

for name in ['EAGAIN', 'EALREADY', 'EWOULDBLOCK', 'EINPROGRESS', 'ECHILD', 'EPIPE', 'ESHUTDOWN',
             'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EEXIST', 'ENOENT', 'EISDIR', 'ENOTDIR',
             'EINTR', 'EACCES', 'EPERM', 'ESRCH', 'ETIMEDOUT', 'EINVAL']:
    e = OSError(getattr(errno, name), 'msg', 'file')
    print(name, type(e).__name__, [c.__name__ for c in type(e).__mro__[1:-3]], e)
print(issubclass(BrokenPipeError, ConnectionError), BlockingIOError(11, 'x').errno)
for w in [BytesWarning, ResourceWarning, UnicodeWarning, FutureWarning, ImportWarning,
          PendingDeprecationWarning, EncodingWarning]:
    print(w.__name__, w.__mro__[1].__name__, issubclass(w, Warning))
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.audit('tandem.test', 1, 2))
try:
    sys.audit()
except TypeError as e:
    print('TypeError', e)
