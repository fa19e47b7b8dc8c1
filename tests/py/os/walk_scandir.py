# os.py over posix: makedirs, walk (both orders), fwalk (dir_fd), scandir
# and DirEntry, listdir and scandir with bytes paths, removedirs.
import os


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


base = '/tmp/tn_test_walk_%d' % os.getpid()
try:
    os.makedirs(os.path.join(base, 'a', 'b', 'c'))
    os.makedirs(os.path.join(base, 'a', 'b', 'c'), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, 'a'))
    except FileExistsError as e:
        print('FileExistsError', e.errno, e.filename == os.path.join(base, 'a'))
    for name in ('a/f.txt', 'a/b/g.txt', 'top.txt'):
        fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, name.encode())
        os.close(fd)
    os.symlink('f.txt', os.path.join(base, 'a', 'link'))

    for top, dirs, files in os.walk(base):
        dirs.sort()
        print('walk', os.path.relpath(top, base), dirs, sorted(files))
    for top, dirs, files in os.walk(base, topdown=False):
        print('up', os.path.relpath(top, base), dirs, sorted(files))
    for top, dirs, files, dfd in os.fwalk(base):
        dirs.sort()
        print('fwalk', os.path.relpath(top, base), dirs, sorted(files), type(dfd).__name__)
    print('walk bytes', [os.path.relpath(t, os.fsencode(base)) for t, d, f in os.walk(os.fsencode(base)) if d.sort() is None])

    with os.scandir(os.path.join(base, 'a')) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, os.path.relpath(e.path, base), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.inode() == e.stat(follow_symlinks=False).st_ino,
              os.fspath(e) == e.path, e.stat().st_size)
    print(sorted(os.listdir(os.fsencode(os.path.join(base, 'a')))))
    print(sorted((e.name, os.path.relpath(e.path, os.fsencode(base))) for e in os.scandir(os.fsencode(os.path.join(base, 'a', 'b')))))
    fd = os.open(base, os.O_RDONLY)
    print(sorted(os.listdir(fd)), sorted((e.name, e.path, e.is_dir()) for e in os.scandir(fd)))
    os.close(fd)
    it = os.scandir(base)
    print(type(it).__name__, type(next(it)).__name__)
    it.close()
    it.close()
    print(list(it))

    os.unlink(os.path.join(base, 'a', 'link'))
    for name in ('a/f.txt', 'a/b/g.txt', 'top.txt'):
        os.remove(os.path.join(base, name))
    old = os.getcwd()
    os.chdir(base)
    os.removedirs(os.path.join('a', 'b', 'c'))   # relative: stops at base
    os.chdir(old)
    print(sorted(os.listdir(base)))
    os.rmdir(base)
    print(os.path.exists(base))
finally:
    cleanup(base)
