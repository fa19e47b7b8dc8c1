#!/usr/bin/env python3
"""tests/cli/test_command_line.py -- the `tandem` command line, checked
against what CPython 3.11 does for the same invocation.

Usage: python3 tests/cli/test_command_line.py TANDEM

Each case runs TANDEM and CPython (the python3 running this script) with the
same arguments and compares exit status, stdout and stderr, after replacing
each interpreter's own path by "PROG" (the usage line names the program) and
"python -h" by "tandem -h".  Cases CPython cannot answer (-V) are checked
against a fixed expectation.  Exit status: 0 pass, 1 fail.
"""
import os
import subprocess
import sys
import tempfile


def run(prog, args, stdin=b"", cwd=None):
    p = subprocess.run([prog] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=cwd, timeout=60)
    norm = lambda b: b.decode("utf-8", "replace").replace(prog, "PROG").replace(
        "python -h", "tandem -h")
    return p.returncode, norm(p.stdout), norm(p.stderr)


def main():
    tandem = os.path.abspath(sys.argv[1])
    cpython = sys.executable
    failures = 0
    tmp = tempfile.mkdtemp(prefix="tandem-cli-")
    script = os.path.join(tmp, "show_argv.py")
    with open(script, "w") as f:
        f.write("import sys\nprint(sys.argv)\nprint(__name__)\n")
    with open(os.path.join(tmp, "runnable.py"), "w") as f:
        f.write("import sys\nprint(__name__, sys.argv[1:])\n")
    os.makedirs(os.path.join(tmp, "pkg_main"), exist_ok=True)
    for name, body in (("__init__.py", "print('init', __name__)\n"),
                       ("__main__.py", "print('main of package', __name__)\n")):
        with open(os.path.join(tmp, "pkg_main", name), "w") as f:
            f.write(body)
    os.makedirs(os.path.join(tmp, "pkg_plain"), exist_ok=True)
    with open(os.path.join(tmp, "pkg_plain", "__init__.py"), "w") as f:
        f.write("")
    bad = os.path.join(tmp, "bad_syntax.py")
    with open(bad, "w") as f:
        f.write("x = (1,\n")
    cases = [
        ("script with arguments", ["show_argv.py", "a", "b"], b""),
        ("-c with arguments", ["-c", "import sys; print(sys.argv)", "x", "y"], b""),
        ("-c joined", ["-cprint(6 * 7)"], b""),
        ("-c without argument", ["-c"], b""),
        ("program from stdin", [], b"import sys\nprint(sys.argv, __file__)\n"),
        ("program from stdin with -", ["-", "q"], b"import sys\nprint(sys.argv)\n"),
        ("missing script", ["no_such_script.py"], b""),
        ("unknown option", ["-Z"], b""),
        ("-m builtin module", ["-m", "sys"], b""),
        ("-m missing module", ["-m", "no_such_module"], b""),
        ("-m without argument", ["-m"], b""),
        ("-m module from sys.path", ["-m", "runnable", "x", "y"], b""),
        ("-m package with __main__", ["-m", "pkg_main"], b""),
        ("-m package without __main__", ["-m", "pkg_plain"], b""),
        ("syntax error in script", ["bad_syntax.py"], b""),
        ("uncaught exception", ["-c", "1/0"], b""),
        ("SystemExit with code", ["-c", "raise SystemExit(3)"], b""),
        ("SystemExit with message", ["-c", "raise SystemExit('bye')"], b""),
        ("sys.exit()", ["-c", "import sys; sys.exit()"], b""),
        ("stdin program raising", [], b"def f():\n    return [][0]\nf()\n"),
    ]
    for name, args, stdin in cases:
        got = run(tandem, args, stdin, cwd=tmp)
        want = run(cpython, args, stdin, cwd=tmp)
        if got != want:
            failures += 1
            print("FAIL: %s: tandem %s" % (name, " ".join(args)))
            print("  expected (CPython): %r" % (want,))
            print("  got:                %r" % (got,))
    code, out, err = run(tandem, ["-V"])
    if code != 0 or out not in ("Tandem 0.1.0 (gil)\n", "Tandem 0.1.0 (free-threaded)\n") or err:
        failures += 1
        print("FAIL: -V printed %r %r (exit %d)" % (out, err, code))
    total = len(cases) + 1
    print("%d passed, %d failed" % (total - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
