# errno: the constants, errorcode (number -> name, CPython's choice among
# aliases, CPython's order), and the aliases as attributes.
import errno
print("ENOENT", errno.ENOENT, errno.errorcode[errno.ENOENT])
print("EACCES", errno.EACCES, "EEXIST", errno.EEXIST, "EINTR", errno.EINTR)
print("aliases", errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN])
print("deadlock", errno.EDEADLK == errno.EDEADLOCK, errno.errorcode[errno.EDEADLK])
print("notsup", errno.ENOTSUP == errno.EOPNOTSUPP, errno.errorcode[errno.ENOTSUP])
print("count", len(errno.errorcode))
print("first", list(errno.errorcode.items())[:6])
print("last", list(errno.errorcode.items())[-3:])
names = sorted(n for n in dir(errno) if n.startswith("E"))
print("names", len(names), names[:5], names[-3:])
print("all match", all(errno.errorcode[getattr(errno, n)] in names for n in names))
print("type", type(errno.errorcode).__name__, type(errno.ENOENT).__name__)
try:
    errno.errorcode[100000]
except KeyError as e:
    print("KeyError", e)
try:
    errno.ENOTANERROR
except AttributeError as e:
    print("AttributeError", e)
