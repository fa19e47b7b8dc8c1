#!/usr/bin/env python3
"""tools/oom_sweep.py -- the out-of-memory sweep (SQLite's method).

Usage: oom_sweep.py [options] TANDEM [SCRIPT...]

For each script (default: the list in tools/oom_scripts.txt), run
`TANDEM SCRIPT` with TANDEM_FAIL_ALLOC=N for N = 1, 2, 3, ... so that the
Nth allocation of the program fails -- once (`N`), or that one and every
later one (`N+`, --mode persist) -- until N passes the program's last
allocation.  Every run must end in one of:

  * exit 0 (the failure was handled, or the output simply stops early);
  * exit 1 with MemoryError as the last line of the traceback on stderr
    (the MemoryError escaped: CPython's behaviour);
  * exit 120 after a MemoryError: flushing sys.stdout or sys.stderr at
    exit failed ("Exception ignored in: <stdout>", CPython's status 120:
    the streams are _io objects that allocate, and a script that failed
    half-way may leave a stand-in stream without flush());
  * the exit status and exception type of the unarmed run (a script that
    exits with an exception anyway; its message or traceback may be missing
    when printing them ran out of memory, down to nothing at all);

anything else is a finding: death by a signal (segfault, abort), a
sanitizer report (AddressSanitizer / UndefinedBehaviorSanitizer /
LeakSanitizer), a hang (--timeout), a "Fatal Python error", or another
exception escaping (a MemoryError turned into something else).

The interpreter prints `tandem: TANDEM_FAIL_ALLOC: A allocations, F failed`
on stderr at exit; a first unarmed run (N huge) counts the script's
allocations A, which sets the range of N.  When A is larger than
--max-runs, N is sampled evenly over 1..A (always including the first
--dense values) instead of swept exhaustively.

Run under a sanitizer build with ASAN_OPTIONS set here
(detect_leaks=0 unless --leaks: cycles are not collected at exit today).

Exit status: 0 no findings, 1 findings, 2 usage error.
Reproduce one finding with the printed command line.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

REPORT_RE = re.compile(r"tandem: TANDEM_FAIL_ALLOC: (\d+) allocations, (\d+) failed")
SANITIZER_RE = re.compile(r"(AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
                          r"ThreadSanitizer|runtime error:|Fatal Python error|Assertion .* failed)")
HUGE = 10 ** 15
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LIST = os.path.join(HERE, "oom_scripts.txt")
SOURCE_DIR = os.path.dirname(HERE)


class Run:
    def __init__(self, n, persist, rc, out, err, elapsed, timed_out):
        self.n, self.persist, self.rc = n, persist, rc
        self.out, self.err, self.elapsed, self.timed_out = out, err, elapsed, timed_out
        m = REPORT_RE.search(err)
        self.allocs = int(m.group(1)) if m else None
        self.failed = int(m.group(2)) if m else None

    def arg(self):
        return "%d%s" % (self.n, "+" if self.persist else "")

    def last_error_line(self):
        """The last stderr line that is not the allocation report."""
        lines = [l for l in self.err.splitlines() if l.strip() and not REPORT_RE.search(l)]
        return lines[-1] if lines else ""


def run_once(tandem, script, n, persist, timeout, env):
    env = dict(env)
    env["TANDEM_FAIL_ALLOC"] = "%d%s" % (n, "+" if persist else "")
    start = time.monotonic()
    try:
        proc = subprocess.run([tandem, script], cwd=os.path.dirname(script) or ".",
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, timeout=timeout)
        rc, out, err, timed_out = proc.returncode, proc.stdout, proc.stderr, False
    except subprocess.TimeoutExpired as e:
        rc, out, err, timed_out = None, e.stdout or b"", e.stderr or b"", True
    return Run(n, persist, rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
               time.monotonic() - start, timed_out)


def exc_name(line):
    """'ValueError' for '  | ValueError: x' (the text before ':', margins stripped)."""
    return line.strip().lstrip("|+- ").split(":")[0]


def classify(run, baseline):
    """None if the run is acceptable, else a short description."""
    if run.timed_out:
        return "hang (timeout)"
    if run.rc < 0:
        return "killed by signal %d" % -run.rc
    m = SANITIZER_RE.search(run.err)
    if m:
        return "sanitizer/fatal: " + m.group(0)
    if run.allocs is None:
        return "exit %d without the allocation report (died before the end of main)" % run.rc
    if run.rc == 0:
        return None
    last = run.last_error_line()
    if run.rc == 1 and (last == "MemoryError" or last.startswith("MemoryError:")):
        return None
    if run.rc == 120 and "MemoryError" in run.err:
        return None
    # The unarmed run's exception, possibly printed without its message or
    # traceback (printing them needed memory).
    if run.rc == baseline.rc and (last == "" or exc_name(last) in {exc_name(l) for l in baseline.err.splitlines()}):
        return None
    return "exit %d: %s" % (run.rc, last[:200])


def plan(allocs, max_runs, dense):
    """The values of N to try for a script that makes `allocs` allocations."""
    if allocs <= max_runs:
        return list(range(1, allocs + 1))
    ns = list(range(1, min(dense, max_runs) + 1))
    rest = max_runs - len(ns)
    if rest > 0:
        lo = ns[-1] + 1 if ns else 1
        step = (allocs - lo + 1) / rest
        ns += sorted({lo + int(i * step) for i in range(rest)})
    return ns


def sweep_script(tandem, script, args, env):
    """Sweep one script, one run at a time (a script may write files in its
    directory); returns (runs, findings)."""
    base = run_once(tandem, script, HUGE, False, args.timeout, env)
    problem = None
    if base.timed_out or base.rc is None or base.rc < 0 or SANITIZER_RE.search(base.err):
        problem = "unarmed run failed: " + (classify(base, base) or "rc %s" % base.rc)
    elif base.allocs is None:
        problem = "unarmed run printed no allocation report"
    if problem:
        return 1, [(script, "-", problem, base)]
    modes = {"once": [False], "persist": [True], "both": [False, True]}[args.mode]
    ns = plan(base.allocs, args.max_runs, args.dense)
    findings = []
    for p in modes:
        for n in ns:
            r = run_once(tandem, script, n, p, args.timeout, env)
            why = classify(r, base)
            if why is not None:
                findings.append((script, r.arg(), why, r))
    return 1 + len(modes) * len(ns), findings


def read_list(path):
    scripts = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                scripts.append(line if os.path.isabs(line) else os.path.join(SOURCE_DIR, line))
    return scripts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tandem")
    ap.add_argument("scripts", nargs="*")
    ap.add_argument("--list", default=None, help="file of scripts, one a line (default %s)" % DEFAULT_LIST)
    ap.add_argument("--mode", choices=["once", "persist", "both"], default="both")
    ap.add_argument("--max-runs", type=int, default=400,
                    help="values of N per script and mode (sampled beyond this; default 400)")
    ap.add_argument("--dense", type=int, default=100, help="first N values always tried (default 100)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run (default 20)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--leaks", action="store_true", help="let LeakSanitizer report (off by default)")
    ap.add_argument("--budget", type=float, default=0,
                    help="stop starting new scripts after this many seconds (0: no limit)")
    ap.add_argument("--exclude", default=None, metavar="REGEX", help="skip the listed scripts whose path matches")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_intermixed_args()
    scripts = args.scripts or read_list(args.list or DEFAULT_LIST)
    if args.list and args.scripts:
        scripts = read_list(args.list) + args.scripts
    if args.exclude:
        scripts = [s for s in scripts if not re.search(args.exclude, s)]
    if not os.access(args.tandem, os.X_OK):
        print("oom_sweep: %s is not executable" % args.tandem, file=sys.stderr)
        return 2
    tandem = os.path.abspath(args.tandem)
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=%d:abort_on_error=0:exitcode=99" % (1 if args.leaks else 0)
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    total_runs, findings, start = 0, [], time.monotonic()

    def one(script):
        if args.budget and time.monotonic() - start > args.budget:
            return script, None, None, 0
        t0 = time.monotonic()
        runs, found = sweep_script(tandem, os.path.abspath(script), args, env)
        return script, runs, found, time.monotonic() - t0

    # Scripts in parallel, each one's runs in sequence.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for script, runs, found, secs in pool.map(one, scripts):
            rel = os.path.relpath(script, SOURCE_DIR)
            if runs is None:
                print("%-55s not swept (time budget spent)" % rel, flush=True)
                continue
            total_runs += runs
            findings += found
            print("%-55s %5d runs %3d findings %6.1fs" % (rel, runs, len(found), secs), flush=True)
    seen = set()
    for script, n, why, r in findings:
        key = (script, why)
        if key in seen and not args.verbose:
            continue
        seen.add(key)
        print("\nFINDING %s N=%s: %s" % (os.path.relpath(script, SOURCE_DIR), n, why))
        print("  reproduce: TANDEM_FAIL_ALLOC=%s %s %s" % (n, tandem, script))
        tail = [l for l in r.err.splitlines() if not REPORT_RE.search(l)][-12:]
        for line in tail:
            print("  | " + line)
    print("\noom_sweep: %d scripts, %d runs, %d findings (%d distinct), %.0fs"
          % (len(scripts), total_runs, len(findings), len(seen), time.monotonic() - start))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
