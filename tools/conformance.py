#!/usr/bin/env python3
"""CPython's regression tests as Tandem's conformance yardstick (issue 11).

Runs modules of CPython's own test suite (Debian's libpython3.11-testsuite,
<stdlib>/test/) under an interpreter, one process per module, through
tools/conformance_driver.py, and compares the outcome of every test with

  * CPython's own counts, checked in as tests/conformance/cpython.json
    (made with --baseline by Debian's /usr/bin/python3.11, the same 3.11.2
    whose test files the package installs);
  * the module's expected-failure list, tests/conformance/expected/<module>.txt:
    one line per test expected to fail or error, `<test id>  # <reason>`.
    A line `*  # <reason>` says the module does not run at all yet (it
    cannot be imported); the reason says what it waits for.

Usage:
  tools/conformance.py --tandem gil=build/gil/tandem ft=build/ft/tandem [MODULE...]
      the table: per module, run/passed/failed/errors/skipped beside CPython's,
      and the overall pass rate (passed / the tests CPython runs).
  tools/conformance.py --check BIN MODULE
      one module against its list (ctest runs this): exit 1 when a test not
      on the list fails, the process crashes or hangs, or a module that ran
      no longer runs; tests on the list that now pass are reported, so the
      list shrinks.
  tools/conformance.py --write-expected BIN [MODULE...]
      rewrite the lists from a run (keeping the reasons of lines that stay;
      a new line's reason is the failure's last line).
  tools/conformance.py --baseline /usr/bin/python3.11
      rewrite cpython.json.

A crash (a signal) or a hang (--timeout, default 600 s) is never an expected
outcome: it is a bug to fix (issue 11, "Bad input").
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, "tests", "conformance")
DRIVER = os.path.join(ROOT, "tools", "conformance_driver.py")
BASELINE = os.path.join(CONF, "cpython.json")
OUTCOMES = ("pass", "fail", "error", "skip")
AUTO_REASONS = ("does not import: ", "fail: ", "error: ")


def module_list():
    with open(os.path.join(CONF, "modules.txt")) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def run_module(binary, module, timeout):
    """Run one test module; returns (status, {test id: (outcome, detail)}, stderr tail).

    status: "ok", "no-import" (exit status without a 'done' record before
    any test ran), "exit N", "crash SIG", "timeout in <test>"."""
    work = tempfile.mkdtemp(prefix="tn-conf-")
    out = os.path.join(work, "results.txt")
    env = dict(os.environ, TMPDIR=work, HOME=work)
    try:
        proc = subprocess.Popen([binary, DRIVER, module, out], cwd=work, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            timed_out = True
        results, running, done = {}, None, False
        if os.path.exists(out):
            with open(out, errors="replace") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line == "done":
                        done = True
                        continue
                    kind, _, rest = line.partition(" ")
                    test, _, detail = rest.partition("\t")
                    if kind == "start":
                        running = test
                    elif kind in OUTCOMES:
                        results[test] = (kind, detail)
                        running = None
        tail = err.decode(errors="replace").strip().splitlines()[-1:] if err else []
        tail = tail[0][:300] if tail else ""
        if timed_out:
            status = "timeout in %s" % (running or "import")
        elif proc.returncode < 0:
            status = "crash %s in %s" % (signal.Signals(-proc.returncode).name, running or "import")
        elif done and proc.returncode == 0:
            status = "ok"
        elif not results and running is None:
            status = "no-import"
        else:
            status = "exit %d in %s" % (proc.returncode, running or "?")
        return status, results, tail
    finally:
        shutil.rmtree(work, ignore_errors=True)


def counts(results):
    c = {k: 0 for k in OUTCOMES}
    for kind, _ in results.values():
        c[kind] += 1
    c["run"] = c["pass"] + c["fail"] + c["error"]
    return c


def read_expected(module):
    """{test id or '*': reason}; None when the module has no list."""
    path = os.path.join(CONF, "expected", module + ".txt")
    if not os.path.exists(path):
        return None
    expected = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            test, _, reason = line.partition("#")
            expected[test.strip()] = reason.strip()
    return expected


def write_expected(module, status, results, tail, old):
    path = os.path.join(CONF, "expected", module + ".txt")
    lines = ["# %s: the tests expected to fail under Tandem, one per line with the reason" % module,
             "# (tools/conformance.py; regenerate with --write-expected, keep the reasons true)."]
    # A reason someone wrote stays; one this tool derived is derived again.
    def keep(key, derived):
        reason = (old or {}).get(key)
        return reason if reason and not reason.startswith(AUTO_REASONS) else derived
    if status == "no-import":
        lines.append("*  # " + keep("*", "does not import: " + tail))
    else:
        for test in sorted(results):
            kind, detail = results[test]
            if kind in ("fail", "error"):
                lines.append("%s  # %s" % (test, keep(test, "%s: %s" % (kind, detail or "?"))))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def check(binary, module, timeout):
    expected = read_expected(module)
    if expected is None:
        print("%s: no expected-failure list (tests/conformance/expected/%s.txt)" % (module, module))
        return 1
    status, results, tail = run_module(binary, module, timeout)
    c = counts(results)
    print("%s: %s, run %d, passed %d, failed %d, errors %d, skipped %d"
          % (module, status, c["run"], c["pass"], c["fail"], c["error"], c["skip"]))
    bad = 0
    if status.startswith(("crash", "timeout")):
        print("  FAIL: %s (a crash or hang is never expected)" % status)
        bad += 1
    if "*" in expected:
        if status == "no-import":
            print("  expected: the module does not import (%s)" % expected["*"])
            print("  " + tail)
        else:
            print("  NOTE: the module now runs; regenerate its list: tools/conformance.py --write-expected %s %s"
                  % (binary, module))
        return 1 if bad else 0
    if status == "no-import":
        print("  FAIL: the module no longer imports: %s" % tail)
        return 1
    if status != "ok":
        print("  FAIL: %s: %s" % (status, tail))
        bad += 1
    for test in sorted(results):
        kind, detail = results[test]
        if kind in ("fail", "error") and test not in expected:
            print("  FAIL (not on the list): %s %s: %s" % (kind, test, detail))
            bad += 1
        elif kind == "pass" and test in expected:
            print("  now passes (remove from the list): %s" % test)
    return 1 if bad else 0


def table(binaries, modules, timeout):
    baseline = json.load(open(BASELINE)) if os.path.exists(BASELINE) else {}
    names = [n for n, _ in binaries]
    head = "%-18s %-22s" % ("module", "CPython run/pass/fail/err/skip")
    for n in names:
        head += " %-30s" % (n + " run/pass/fail/err/skip")
    print(head)
    total_ref = 0
    total_pass = {n: 0 for n in names}
    notes = []
    for module in modules:
        ref = baseline.get(module)
        ref_run = ref["pass"] if ref else 0
        total_ref += ref_run
        row = "%-18s %-22s" % (module, fmt(ref) if ref else "-")
        for n, binary in binaries:
            status, results, tail = run_module(binary, module, timeout)
            c = counts(results)
            total_pass[n] += c["pass"]
            cell = fmt(c) if status != "no-import" else "does not import"
            if status not in ("ok", "no-import"):
                cell += " [%s]" % status
            if status == "no-import":
                notes.append("%s (%s): %s" % (module, n, tail))
            row += " %-30s" % cell
        print(row, flush=True)
    print()
    for n in names:
        rate = 100.0 * total_pass[n] / total_ref if total_ref else 0.0
        print("%s: %d of the %d tests CPython passes pass: %.1f%%" % (n, total_pass[n], total_ref, rate))
    if notes:
        print("\nmodules that do not import:")
        for line in notes:
            print("  " + line)


def fmt(c):
    return "%d/%d/%d/%d/%d" % (c["run"], c["pass"], c["fail"], c["error"], c["skip"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", action="append", default=[], metavar="NAME=BIN")
    ap.add_argument("--check", nargs=2, metavar=("BIN", "MODULE"))
    ap.add_argument("--write-expected", metavar="BIN")
    ap.add_argument("--baseline", metavar="CPYTHON")
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("modules", nargs="*")
    a = ap.parse_args()
    modules = a.modules or module_list()
    if a.check:
        return check(os.path.abspath(a.check[0]), a.check[1], a.timeout)
    if a.write_expected:
        for module in modules:
            status, results, tail = run_module(os.path.abspath(a.write_expected), module, a.timeout)
            write_expected(module, status, results, tail, read_expected(module))
            print("%s: %s, %s" % (module, status, fmt(counts(results))), flush=True)
        return 0
    if a.baseline:
        data = json.load(open(BASELINE)) if os.path.exists(BASELINE) else {}
        for module in modules:
            status, results, tail = run_module(a.baseline, module, a.timeout)
            data[module] = dict(counts(results), status=status)
            print("%s: %s, %s" % (module, status, fmt(data[module])), flush=True)
        with open(BASELINE, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
            f.write("\n")
        return 0
    binaries = []
    for spec in a.tandem:
        name, _, binary = spec.partition("=")
        binaries.append((name, os.path.abspath(binary)))
    if not binaries:
        ap.error("give --tandem NAME=BIN (or --check / --write-expected / --baseline)")
    table(binaries, modules, a.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
