# _stat: the S_IS* tests, S_IMODE, S_IFMT, filemode and the constants,
# with CPython's errors for bad modes.
import _stat
modes = [0o100644, 0o040755, 0o120777, 0o020620, 0o060660, 0o010600, 0o140777, 0o104755,
         0o102755, 0o041777, 0o040000, 0o107000, 0o000000, 0o170777]
for m in modes:
    tests = [f for f in ("S_ISREG", "S_ISDIR", "S_ISLNK", "S_ISCHR", "S_ISBLK", "S_ISFIFO",
                         "S_ISSOCK", "S_ISDOOR", "S_ISPORT", "S_ISWHT") if getattr(_stat, f)(m)]
    print(oct(m), _stat.filemode(m), oct(_stat.S_IMODE(m)), oct(_stat.S_IFMT(m)), tests)
print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IFLNK, _stat.S_IFMT(_stat.S_IFSOCK))
print(_stat.S_IRWXU, _stat.S_IRUSR, _stat.S_ISUID, _stat.S_ISVTX, _stat.S_ENFMT, _stat.S_IREAD)
print(_stat.UF_HIDDEN, _stat.SF_SNAPSHOT, _stat.ST_MODE, _stat.ST_CTIME, _stat.S_IFDOOR)
print(_stat.S_ISDIR(True), _stat.S_IMODE(2**32 - 1))
for bad in ["x", 1.5, None, -1, 2**32, 2**40, 2**70]:
    for f in (_stat.S_ISDIR, _stat.filemode, _stat.S_IMODE):
        try:
            f(bad)
        except (TypeError, OverflowError) as e:
            print(f.__name__, repr(bad)[:12], type(e).__name__, e)
for args in [(), (1, 2)]:
    try:
        _stat.S_ISDIR(*args)
    except TypeError as e:
        print("args", len(args), e)
import stat
print(stat.filemode(0o100755), stat.S_ISDIR(0o040000), stat.filemode is _stat.filemode)
