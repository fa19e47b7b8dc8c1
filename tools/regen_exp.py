#!/usr/bin/env python3
"""tools/regen_exp.py -- regenerate expected outputs from CPython 3.11.

Usage:
  python3 tools/regen_exp.py                 every tests/py/**/*.py
  python3 tools/regen_exp.py FILE.py ...     only these scripts
  python3 tools/regen_exp.py --bench         bench/<kernel>.small.exp for every kernel

For each script, runs it with this interpreter (cwd = the script's directory,
stdin from /dev/null) and writes:
  FILE.exp   its stdout, byte for byte;
  FILE.err   when the exit status is non-zero or stderr is not empty: `exit N`,
             then the whole stderr normalised by tools/testnorm.py (the script's
             directory written as `{dir}`, library frames as `{lib}/NAME.py`).
             A stale FILE.err is deleted when the script now exits with 0 and
             writes nothing to stderr.
For --bench, each kernel bench/NAME.py is run with the small size argument
BENCH_SMALL_ARG and its stdout is written to bench/NAME.small.exp
(checked by the ctest tests bench/NAME).

CPython 3.11 is the reference for Tandem, so the script refuses (exit 2) to
run under any other implementation or version.
"""
import argparse
import glob
import os
import subprocess
import sys

from testnorm import normalise_stderr_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_PY = os.path.join(ROOT, "tests", "py")
BENCH = os.path.join(ROOT, "bench")
# Keep in sync with TN_BENCH_SMALL_ARG in tests/CMakeLists.txt.
BENCH_SMALL_ARG = "10"
# Helper modules of bench/ that are not kernels.
BENCH_NOT_KERNELS = {"compare.py"}
TIMEOUT = 300


def check_reference_interpreter():
    impl = sys.implementation.name
    ver = sys.version_info[:2]
    if impl != "cpython" or ver != (3, 11):
        sys.stderr.write(
            "regen_exp.py: refusing to run under %s %d.%d (%s): expected outputs must come "
            "from CPython 3.11.\nRun it as: python3 tools/regen_exp.py ... with python3 = CPython 3.11\n"
            % (impl, ver[0], ver[1], sys.executable))
        sys.exit(2)


def child_env():
    """A reproducible environment for the reference runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"          # no hash randomisation
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in the test tree
    env["PYTHONUTF8"] = "1"
    return env


def run(script, args=()):
    """Run script under this interpreter; return the CompletedProcess or None on timeout."""
    cmd = [sys.executable, os.path.basename(script)] + list(args)
    try:
        return subprocess.run(cmd, cwd=os.path.dirname(script), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=child_env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None



def rel(path):
    r = os.path.relpath(path, ROOT)
    return path if r.startswith("..") else r


def write_if_changed(path, data):
    """Write bytes; return True when the file content changed."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    return True


def regen_test(script):
    """Regenerate SCRIPT's .exp (and .err).  Returns 0 or 1 (timeout)."""
    base = os.path.splitext(script)[0]
    proc = run(script)
    if proc is None:
        print("%s: TIMEOUT after %d s, nothing written" % (rel(script), TIMEOUT))
        return 1
    notes = []
    if write_if_changed(base + ".exp", proc.stdout):
        notes.append("wrote .exp")
    err_path = base + ".err"
    if proc.returncode != 0 or proc.stderr:
        stderr = normalise_stderr_text(proc.stderr.decode("utf-8", "replace"),
                                       os.path.dirname(os.path.abspath(script)))
        content = ("exit %d\n%s" % (proc.returncode, stderr)).encode("utf-8")
        if write_if_changed(err_path, content):
            notes.append("wrote .err (exit %d)" % proc.returncode)
    elif os.path.exists(err_path):
        os.remove(err_path)
        notes.append("removed stale .err")
    print("%s: %s" % (rel(script), ", ".join(notes) if notes else "unchanged"))
    return 0


def bench_kernels():
    return sorted(p for p in glob.glob(os.path.join(BENCH, "*.py"))
                  if os.path.basename(p) not in BENCH_NOT_KERNELS
                  and not os.path.basename(p).startswith("_"))


def regen_bench():
    status = 0
    for kernel in bench_kernels():
        proc = run(kernel, [BENCH_SMALL_ARG])
        if proc is None or proc.returncode != 0:
            print("%s: FAILED under CPython (%s), nothing written"
                  % (rel(kernel), "timeout" if proc is None else "exit %d" % proc.returncode))
            if proc is not None:
                sys.stdout.write(proc.stderr.decode("utf-8", "replace"))
            status = 1
            continue
        out = os.path.splitext(kernel)[0] + ".small.exp"
        changed = write_if_changed(out, proc.stdout)
        print("%s: %s" % (rel(out), "written" if changed else "unchanged"))
    return status


def all_tests():
    found = []
    for dirpath, dirnames, filenames in os.walk(TESTS_PY):
        dirnames[:] = sorted(d for d in dirnames if d not in ("_support", "__pycache__"))
        found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return found


def main(argv):
    ap = argparse.ArgumentParser(description="Regenerate .exp/.err files from CPython 3.11.")
    ap.add_argument("--bench", action="store_true",
                    help="regenerate bench/<kernel>.small.exp (size %s)" % BENCH_SMALL_ARG)
    ap.add_argument("files", nargs="*", help="test scripts (default: all of tests/py unless --bench)")
    opts = ap.parse_args(argv)
    check_reference_interpreter()

    status = 0
    if opts.bench:
        status |= regen_bench()
    if opts.files or not opts.bench:
        scripts = [os.path.abspath(f) for f in opts.files] if opts.files else all_tests()
        for script in scripts:
            if not script.endswith(".py") or not os.path.isfile(script):
                print("%s: not a .py file, skipped" % script)
                status = 1
                continue
            status |= regen_test(script)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
