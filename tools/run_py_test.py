#!/usr/bin/env python3
"""tools/run_py_test.py -- run one Python script test under Tandem.

Usage: run_py_test.py [--exp FILE] [--timeout S] TANDEM SCRIPT [ARG...]

Runs `TANDEM SCRIPT [ARG...]` with the script's directory as the working
directory, stdin from /dev/null and a timeout, then checks:

  * stdout equals SCRIPT's .exp file byte for byte (or --exp FILE);
    a unified diff is printed on mismatch;
  * if SCRIPT's .err file exists, its first line is `exit N` and the rest is
    CPython's whole stderr (traceback included) with the script's directory
    written as `{dir}`; the exit status and the whole stderr must match
    (the last line, e.g. `ZeroDivisionError: division by zero`, is shown
    separately when it differs) -- also when N is 0: a run that exits
    normally but reports on stderr (thread exceptions, sys.excepthook);
    without an .err file the exit status must be 0 and stderr empty.

The expected files come from CPython 3.11 (tools/regen_exp.py).

A script whose first line is
    # tandem: flavour=gil <reason>      or      # tandem: flavour=ft <reason>
runs only in that flavour (taken from `TANDEM -V`, which contains "(gil)"
or "(free-threaded)"); in the other flavour it prints SKIP and exits 77,
which ctest reports as skipped (SKIP_RETURN_CODE 77).

Exit status: 0 pass, 1 fail, 77 skipped, 2 usage error.
"""
import argparse
import difflib
import os
import re
import signal
import subprocess
import sys

from testnorm import normalise_stderr_text

SKIP_RETURN_CODE = 77
MARKER_RE = re.compile(r"^#\s*tandem:\s*flavour=(gil|ft)\b\s*(.*)$")
FLAVOURS = {"(gil)": "gil", "(free-threaded)": "ft"}
STDERR_TAIL_LINES = 30


def read_marker(script):
    """Return (flavour, reason) from the script's first line, or (None, '')."""
    with open(script, "rb") as f:
        first = f.readline().decode("utf-8", "replace").strip()
    m = MARKER_RE.match(first)
    if m is None:
        return None, ""
    reason = m.group(2).lstrip("-:( ").rstrip(") ").strip()
    return m.group(1), reason


def tandem_flavour(tandem, timeout):
    """Ask `tandem -V` for its flavour: 'gil', 'ft', or None if unknown."""
    try:
        proc = subprocess.run([tandem, "-V"], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = proc.stdout.decode("utf-8", "replace")
    for tag, flavour in FLAVOURS.items():
        if tag in text:
            return flavour
    return None


def read_err_file(path):
    """Parse an .err file: returns (exit_code, expected_stderr_text) or raises ValueError."""
    with open(path, encoding="utf-8") as f:
        first, _, rest = f.read().partition("\n")
    m = re.match(r"^exit (-?\d+)$", first.strip())
    if m is None:
        raise ValueError("%s: first line must be 'exit N'" % path)
    return int(m.group(1)), rest


def normalise_stderr(data, script_dir):
    """Decoded stderr, normalised as tools/testnorm.py says."""
    return normalise_stderr_text(data.decode("utf-8", "replace"), script_dir)


def last_line(data):
    """Last non-empty line of a byte string, decoded, without trailing space."""
    lines = [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def describe_status(code):
    if code < 0:
        try:
            return "killed by %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "exit %d" % code


def show_stderr(err):
    text = err.decode("utf-8", "replace").splitlines()
    if not text:
        print("(stderr empty)")
        return
    if len(text) > STDERR_TAIL_LINES:
        print("... (%d earlier stderr lines)" % (len(text) - STDERR_TAIL_LINES))
        text = text[-STDERR_TAIL_LINES:]
    print("---- stderr ----")
    for line in text:
        print(line)


def stdout_diff(expected, actual, exp_name):
    a = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    b = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    diff = list(difflib.unified_diff(a, b, exp_name, "stdout"))
    if not diff:
        # Same lines, different bytes: only line endings / final newline differ.
        return "stdout differs from %s only in line endings or the final newline\n" % exp_name
    out = []
    for line in diff:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exp", help="expected stdout file (default: SCRIPT minus .py plus .exp)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds (default 60)")
    ap.add_argument("tandem")
    ap.add_argument("script")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    opts = ap.parse_args(argv)

    tandem = os.path.abspath(opts.tandem)
    script = os.path.abspath(opts.script)
    base = os.path.splitext(script)[0]
    exp_path = os.path.abspath(opts.exp) if opts.exp else base + ".exp"
    err_path = base + ".err"
    if not os.path.isfile(script):
        print("no such test: %s" % script)
        return 2

    only, reason = read_marker(script)
    if only is not None:
        flavour = tandem_flavour(tandem, opts.timeout)
        if flavour is None:
            print("FAIL: cannot tell the flavour of %s: `-V` printed neither "
                  "(gil) nor (free-threaded)" % tandem)
            return 1
        if flavour != only:
            print("SKIP: %s-only test (%s)" % (only, reason or "no reason given"))
            return SKIP_RETURN_CODE

    if not os.path.isfile(exp_path):
        print("FAIL: missing %s (generate it with tools/regen_exp.py under CPython 3.11)" % exp_path)
        return 1
    with open(exp_path, "rb") as f:
        expected_out = f.read()
    expected_code, expected_err = 0, ""
    if os.path.isfile(err_path):
        try:
            expected_code, expected_err = read_err_file(err_path)
        except ValueError as e:
            print("FAIL: %s" % e)
            return 1

    cmd = [tandem, os.path.basename(script)] + opts.args
    try:
        proc = subprocess.run(cmd, cwd=os.path.dirname(script), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=opts.timeout)
    except subprocess.TimeoutExpired as e:
        print("FAIL: timed out after %g s: %s" % (opts.timeout, " ".join(cmd)))
        if e.stderr:
            show_stderr(e.stderr)
        return 1
    except OSError as e:
        print("FAIL: cannot run %s: %s" % (tandem, e))
        return 1

    failures = []
    if proc.stdout != expected_out:
        failures.append("stdout differs from %s:\n%s"
                        % (os.path.basename(exp_path),
                           stdout_diff(expected_out, proc.stdout, os.path.basename(exp_path))))
    if proc.returncode != expected_code:
        failures.append("expected exit %d, got %s" % (expected_code, describe_status(proc.returncode)))
    got_err = normalise_stderr(proc.stderr, os.path.dirname(script))
    if got_err != expected_err:
        got_last = last_line(got_err.encode("utf-8"))
        expected_last = last_line(expected_err.encode("utf-8"))
        if got_last != expected_last:
            failures.append("last stderr line differs:\n  expected: %s\n  got:      %s"
                            % (expected_last, got_last))
        failures.append("stderr differs from %s:\n%s"
                        % (os.path.basename(err_path) if os.path.isfile(err_path) else "(no .err: stderr must be empty)",
                           stdout_diff(expected_err.encode("utf-8"), got_err.encode("utf-8"),
                                       os.path.basename(err_path))))

    if not failures:
        return 0
    print("FAIL: %s" % " ".join(cmd))
    for f in failures:
        print(f.rstrip("\n"))
    show_stderr(proc.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
