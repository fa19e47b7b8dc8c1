#!/usr/bin/env python3
"""tools/import_census.py — which of issue 11's 75 target modules import on Tandem.

Runs `tandem -c 'import X'` for every module name of issue 11's "Targets"
list, under each flavour given (default: build/gil/tandem and
build/ft/tandem), and prints one line per module: `ok`, or the exception
line the import ended with (the last line of the traceback: the error and
its message; `crash (signal N)` or `timeout` otherwise).  Ends with the
counts.  The result is recorded in docs/stdlib.md.

    python3 tools/import_census.py [--tandem NAME=PATH ...] [--timeout S] [--only a,b]
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Issue 11's Targets list, in its order.
TARGETS = """json re collections itertools random string dataclasses enum typing io
weakref warnings heapq bisect statistics fractions decimal datetime textwrap
argparse contextlib functools operator copy pickle struct array base64 hashlib
hmac unittest logging traceback inspect pprint pathlib os tempfile shutil glob
fnmatch difflib timeit queue threading concurrent.futures signal types abc
numbers math locale codecs time calendar uuid secrets sched contextvars atexit
gc linecache tokenize ast dis""".split()


def import_one(tandem, name, timeout):
    """'ok', or the line that says why `import name` failed."""
    try:
        p = subprocess.run([tandem, "-c", "import " + name], capture_output=True, timeout=timeout,
                           cwd="/")
    except subprocess.TimeoutExpired:
        return "timeout (%gs)" % timeout
    if p.returncode == 0:
        return "ok"
    if p.returncode < 0:
        return "crash (signal %d)" % -p.returncode
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].strip() if lines else "exit status %d, no message" % p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", action="append", metavar="NAME=PATH",
                    help="an interpreter to test (default: gil and ft of build/)")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--only", help="comma-separated module names instead of the 75")
    args = ap.parse_args()
    interps = []
    for spec in args.tandem or ["gil=" + os.path.join(ROOT, "build/gil/tandem"),
                                "ft=" + os.path.join(ROOT, "build/ft/tandem")]:
        name, _, path = spec.partition("=")
        path = os.path.abspath(path)
        if not os.access(path, os.X_OK):
            sys.exit("import_census: %s: no interpreter at %s (build it first)" % (name, path))
        interps.append((name, path))
    targets = args.only.split(",") if args.only else TARGETS
    counts = {name: 0 for name, _ in interps}
    for mod in targets:
        results = [(name, import_one(path, mod, args.timeout)) for name, path in interps]
        for name, r in results:
            counts[name] += r == "ok"
        if len({r for _, r in results}) == 1:
            print("%-20s %s" % (mod, results[0][1]))
        else:
            print("%-20s %s" % (mod, "; ".join("%s: %s" % nr for nr in results)))
    print("imported: " + ", ".join("%s %d/%d" % (name, counts[name], len(targets)) for name, _ in interps))


if __name__ == "__main__":
    main()
