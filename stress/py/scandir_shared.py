# stress/py/scandir_shared.py -- one os.scandir iterator shared by several
# threads, and DirEntry objects whose cached stat() several threads ask for
# at once.  Each next() on the iterator gives one entry, so together the
# threads see every name exactly once; an entry's cached stat() gives every
# thread an equal result (Tandem publishes the first one computed with a
# compare-and-swap, so they are one object there; CPython may compute it
# twice when two threads race, so only equality is checked).

import os

from _stress import SCALE, errors, finish, run

NTHREADS = 4
NFILES = 200
ROUNDS = 3 * SCALE

base = "/tmp/tn_stress_scandir_%d" % os.getpid()
os.mkdir(base)
names = ["f%03d" % i for i in range(NFILES)]
for n in names:
    os.close(os.open(os.path.join(base, n), os.O_WRONLY | os.O_CREAT, 0o600))

try:
    for _ in range(ROUNDS):
        it = os.scandir(base)
        seen = [[] for _ in range(NTHREADS)]

        def reader(tid):
            def read():
                for entry in it:
                    seen[tid].append(entry)
            return read

        run([reader(t) for t in range(NTHREADS)])
        it.close()
        got = sorted(e.name for s in seen for e in s)
        if got != names:
            errors.append("the threads saw %d names, %d distinct, expected %d"
                          % (len(got), len(set(got)), NFILES))
            break

        entries = [e for s in seen for e in s]
        results = [[] for _ in range(NTHREADS)]

        def statter(tid):
            def do_stat():
                for e in entries:
                    results[tid].append(e.stat(follow_symlinks=False))
                    e.is_file()
            return do_stat

        run([statter(t) for t in range(NTHREADS)])
        for k in range(len(entries)):
            first = results[0][k]
            if any(results[t][k] != first for t in range(NTHREADS)):
                errors.append("an entry's cached stat() differs between threads")
                break
finally:
    for n in names:
        os.unlink(os.path.join(base, n))
    os.rmdir(base)

finish("scandir_shared", "%d threads, %d entries, %d rounds" % (NTHREADS, NFILES, ROUNDS))
