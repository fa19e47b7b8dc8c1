#!/usr/bin/env python3
"""Run the threading tests under CPython with Tandem's lib/ modules.

Usage: python3 tests/py/threads/_support/run_with_lib.py [--interp PATH] [TEST ...]

Each TEST (default: every *.py in tests/py/threads) runs like
tools/run_py_test.py runs a test (cwd = the test directory, stdin /dev/null),
under CPython 3.11 with PYTHONPATH=lib so that threading, queue and
concurrent.futures come from lib/, not from CPython's stdlib.  The expected
files were made by tools/regen_exp.py with CPython's own stdlib, so a pass
means lib/ behaves like CPython's modules, independently of Tandem's C code.
--interp PATH runs them under another interpreter (ctest already runs them
under Tandem, in both flavours).  Flavour markers are not honoured here.

Checks: stdout == NAME.exp; with NAME.err, the exit status and the stderr
(script directory written as {dir}); without it, exit status 0.
Exit status: 0 when all pass, 1 otherwise.
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LIB = os.path.join(ROOT, "lib")
TIMEOUT = 60
CHECK_MODULES = ("import threading, queue, concurrent.futures, concurrent.futures.thread as t; "
                 "print(threading.__file__); print(queue.__file__); "
                 "print(concurrent.futures.__file__); print(t.__file__)")


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUTF8"] = "1"
    env["PYTHONPATH"] = LIB
    return env


def check_modules_come_from_lib(interp):
    """Fail loudly when the modules under test are not lib/'s."""
    proc = subprocess.run([interp, "-c", CHECK_MODULES], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=child_env(), cwd=HERE)
    files = proc.stdout.decode().split()
    bad = [f for f in files if not os.path.abspath(f).startswith(LIB + os.sep)]
    if proc.returncode != 0 or bad or len(files) != 4:
        print("modules do not come from %s:\n%s" % (LIB, proc.stdout.decode()))
        return False
    return True


def read_err(path):
    with open(path, encoding="utf-8") as f:
        first, _, rest = f.read().partition("\n")
    return int(first.split()[1]), rest


def run_one(interp, script):
    base = os.path.splitext(script)[0]
    try:
        proc = subprocess.run([interp, os.path.basename(script)], cwd=HERE,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=child_env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timed out after %d s" % TIMEOUT
    with open(base + ".exp", "rb") as f:
        expected = f.read()
    problems = []
    if proc.stdout != expected:
        problems.append("stdout differs:\n--- expected\n%s--- got\n%s"
                        % (expected.decode(errors="replace"), proc.stdout.decode(errors="replace")))
    code, err = 0, None
    if os.path.exists(base + ".err"):
        code, err = read_err(base + ".err")
    if proc.returncode != code:
        problems.append("exit %d, expected %d" % (proc.returncode, code))
    if err is not None:
        got = proc.stderr.decode(errors="replace").replace(HERE + os.sep, "{dir}" + os.sep)
        if got != err:
            problems.append("stderr differs:\n--- expected\n%s--- got\n%s" % (err, got))
    elif proc.returncode != 0:
        problems.append("stderr:\n" + proc.stderr.decode(errors="replace"))
    return "\n".join(problems)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--interp", default=sys.executable, help="interpreter (default: this python3)")
    ap.add_argument("tests", nargs="*", help="test names or paths (default: all)")
    opts = ap.parse_args(argv)
    if not check_modules_come_from_lib(opts.interp):
        return 1
    if opts.tests:
        scripts = [os.path.join(HERE, os.path.basename(t if t.endswith(".py") else t + ".py"))
                   for t in opts.tests]
    else:
        scripts = sorted(glob.glob(os.path.join(HERE, "*.py")))
    failed = []
    for script in scripts:
        problem = run_one(opts.interp, script)
        name = os.path.basename(script)
        if problem:
            failed.append(name)
            print("FAIL %s\n%s" % (name, problem))
        else:
            print("ok   %s" % name)
    print("%d passed, %d failed%s" % (len(scripts) - len(failed), len(failed),
                                      (": " + " ".join(failed)) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
