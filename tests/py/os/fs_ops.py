# posix path operations: rename/replace/link/symlink/readlink, chmod,
# utime (times and ns), access, truncate, stat fields and follow_symlinks,
# dir_fd forms, the OSError subclasses with their filenames.
import os, stat
from _support import bytes_like


def cleanup(top):
    # Whatever is left (a failed run, an out-of-memory sweep): remove it.
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            os.unlink(path) if os.path.islink(path) else os.rmdir(path)
    os.rmdir(top)


base = '/tmp/tn_test_fsops_%d' % os.getpid()
os.mkdir(base)
try:
    f = os.path.join(base, 'f')
    fd = os.open(f, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    print(os.write(fd, b'hello world'), os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.fstat(fd).st_size)
    os.close(fd)

    def err(fn, *args, **kw):
        try:
            fn(*args, **kw)
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, str(e).replace(base, 'BASE'))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    err(os.open, f, os.O_RDWR | os.O_CREAT | os.O_EXCL)
    err(os.rename, f + 'x', f + 'y')
    err(os.link, f + 'x', f + 'y')
    err(os.rmdir, f)
    err(os.mkdir, f)
    err(os.readlink, f)
    err(os.listdir, f)
    err(os.chdir, f)
    err(os.stat, f + '\0')
    err(os.stat, os.fsencode(f) + b'\0')
    err(os.stat, 1.5)
    err(os.stat, f, dir_fd='x')
    err(os.stat, 0, dir_fd=3)
    err(os.stat, 0, follow_symlinks=False)
    err(os.rename, f, os.fsencode(f))
    err(os.stat, f, 1)
    err(os.rename, f, f, 1)

    os.symlink('f', os.path.join(base, 'ln'))
    print(os.readlink(os.path.join(base, 'ln')), os.readlink(os.fsencode(os.path.join(base, 'ln'))))
    print(stat.S_ISLNK(os.lstat(os.path.join(base, 'ln')).st_mode),
          stat.S_ISREG(os.stat(os.path.join(base, 'ln')).st_mode),
          os.stat(os.path.join(base, 'ln'), follow_symlinks=False) == os.lstat(os.path.join(base, 'ln')))
    try:
        os.chmod(os.path.join(base, 'ln'), 0o600, follow_symlinks=False)
    except NotImplementedError as e:
        print('NotImplementedError', e)
    os.rename(os.path.join(base, 'ln'), os.path.join(base, 'ln2'))
    os.replace(os.path.join(base, 'ln2'), os.path.join(base, 'ln3'))
    os.link(f, os.path.join(base, 'hard'))
    print(os.stat(f).st_nlink, os.path.samefile(f, os.path.join(base, 'hard')))

    os.chmod(f, 0o640)
    print(oct(stat.S_IMODE(os.stat(f).st_mode)), stat.filemode(os.stat(f).st_mode))
    os.utime(f, (1000000000, 1000000000.5))
    st = os.stat(f)
    print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns, st[8], type(st[8]).__name__)
    os.utime(f, ns=(5, 2000000000123))
    print(os.stat(f).st_atime_ns, os.stat(f).st_mtime_ns)
    err(os.utime, f, 1)
    err(os.utime, f, (1, 2), ns=(1, 2))
    print(os.access(f, os.R_OK), os.access(f + 'x', os.F_OK), os.access(f, os.W_OK, effective_ids=False))
    os.truncate(f, 3)
    print(os.path.getsize(f))
    # Other bytes-like paths: accepted, names come back as bytes.
    print(bytes_like.stat_size(f), bytes_like.listdir_types(base))

    dfd = os.open(base, os.O_RDONLY)
    print(os.stat('f', dir_fd=dfd).st_size, os.readlink('ln3', dir_fd=dfd), os.access('f', os.F_OK, dir_fd=dfd))
    os.mkdir('sub', dir_fd=dfd)
    os.rename('sub', 'sub2', src_dir_fd=dfd, dst_dir_fd=dfd)
    os.rmdir('sub2', dir_fd=dfd)
    os.unlink('hard', dir_fd=dfd)
    os.unlink('ln3', dir_fd=dfd)
    print(sorted(os.listdir(base)))
    os.close(dfd)

    st = os.stat(base)
    print(len(st), type(st).__name__, stat.S_ISDIR(st.st_mode), st[0] == st.st_mode, st[9] == int(st.st_ctime),
          type(st.st_blksize).__name__, type(st.st_blocks).__name__, type(st.st_rdev).__name__)
    print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
    r = os.stat_result(range(10))
    print(r, r.st_atime, r.st_mtime_ns)
    err(os.stat_result, (1,))
    print(os.statvfs(base).f_bsize > 0, len(os.statvfs(base)), type(os.statvfs(base)).__name__)

    os.remove(f)
    os.rmdir(base)
    print(os.path.exists(base))
finally:
    cleanup(base)
