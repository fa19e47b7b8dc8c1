#!/usr/bin/env python3
"""tools/run_stress_py.py -- run one Python stress script under Tandem.

Usage: run_stress_py.py TANDEM SCRIPT [--timeout SECONDS]

A stress script (stress/py/*.py) checks its own invariants and exits 0 when
they all held, non-zero (with a message on stderr) when one broke.  This
runner adds what ctest cannot do by itself: the flavour marker of
tests/py (`# tandem: flavour=ft -- reason` in the first line: SKIP, exit 77,
in the other flavour), a timeout that kills a hung program (a deadlock is a
failure, not a hang of the suite), and a report of a crash by signal.
The environment (TN_STRESS_SCALE, TSAN_OPTIONS) is passed through.
Exit status: 0 pass, 1 fail, 77 skipped, 2 usage error.
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_py_test import SKIP_RETURN_CODE, read_marker, tandem_flavour  # noqa: E402

DEFAULT_TIMEOUT = 600


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tandem")
    ap.add_argument("script")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = ap.parse_args()
    want, reason = read_marker(args.script)
    if want is not None:
        have = tandem_flavour(args.tandem, 60)
        if have is None:
            print("cannot tell the flavour of %s" % args.tandem, file=sys.stderr)
            return 1
        if have != want:
            print("SKIP (%s only: %s)" % (want, reason))
            return SKIP_RETURN_CODE
    try:
        proc = subprocess.run([args.tandem, os.path.basename(args.script)],
                              cwd=os.path.dirname(os.path.abspath(args.script)),
                              stdin=subprocess.DEVNULL, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print("FAIL: timed out after %g s (deadlock or livelock?)" % args.timeout, file=sys.stderr)
        return 1
    if proc.returncode < 0:
        print("FAIL: killed by signal %d" % -proc.returncode, file=sys.stderr)
        return 1
    if proc.returncode != 0:
        print("FAIL: exit status %d" % proc.returncode, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
