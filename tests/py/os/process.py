# posix process and file-descriptor functions: pipe, dup, inheritable and
# blocking flags, uname/times/terminal_size struct sequences, the W*
# status functions, waitstatus_to_exitcode, sysconf, strerror, errors.
import os

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(w, False)
print(os.get_inheritable(r), os.get_blocking(w))
print(os.write(w, b'abc'), os.write(w, bytearray(b'de')), os.write(w, memoryview(b'f')))
os.close(w)
print(os.read(r, 2), os.read(r, 10), os.read(r, 10))
os.close(r)
r, w = os.pipe2(os.O_CLOEXEC)
d = os.dup(w)
d2 = os.dup2(w, d + 1)
print(d != w, d2 == d + 1, os.get_inheritable(d), os.get_inheritable(d2))
os.closerange(d, d2 + 1)
os.close(r)
os.close(w)
for fn, args in [(os.read, (-1, 1)), (os.close, (-1,)), (os.fstat, (-1,)), (os.write, (1, 'x')),
                 (os.read, ('x', 1)), (os.kill, (1,)), (os.getcwd, (1,)), (os.isatty, (-1,))]:
    try:
        print(fn(*args))
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)

u = os.uname()
print(type(u).__name__, len(u), u.sysname == u[0], u._fields if hasattr(u, '_fields') else '')
t = os.times()
print(type(t).__name__, len(t), t.user == t[0], t.elapsed > 0)
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts == (80, 24))
for bad in [(1, 2, 3), 5]:
    try:
        os.terminal_size(bad)
    except TypeError as e:
        print('TypeError', e)
for status in (0, 256, 9, 0x137f, 0xffff):
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.WTERMSIG(status),
          os.WIFSTOPPED(status), os.WSTOPSIG(status), os.WIFCONTINUED(status), os.WCOREDUMP(status))
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9), os.WIFEXITED(status=0))
try:
    os.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print('ValueError', e)
print(os.sysconf('SC_PAGESIZE') == os.sysconf(os.sysconf_names['SC_PAGESIZE']), os.cpu_count() >= 1)
try:
    os.sysconf('SC_NOPE')
except ValueError as e:
    print('ValueError', e)
print(os.strerror(2), os.strerror(13), len(os.urandom(5)), os.getpid() > 0, os.getppid() > 0)
print(os.getuid() == os.geteuid(), type(os.getgroups()).__name__, isinstance(os.sched_getaffinity(0), set))
print(os.pathconf('.', 'PC_NAME_MAX') > 0, os.confstr('CS_PATH') is not None)
try:
    os.kill(os.getpid(), 0)
    print('kill 0 ok')
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('ChildProcessError', e)
print(os.error is OSError, os.name, os.linesep == '\n', os.devnull, os.sep, os.pathsep, os.extsep)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.EX_OK, os.WNOHANG)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
