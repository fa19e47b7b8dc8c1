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
import signal
import subprocess
import sys
import tempfile
import time


def default_sigint():
    """In the child: SIGINT at its default, whatever the test runner
    inherited (a background job starts with it ignored), so that both
    interpreters start as from a terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(prog, args, stdin=b"", cwd=None):
    p = subprocess.run([prog] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=cwd, timeout=60,
                       preexec_fn=default_sigint)
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
        ("SIGINT handler at startup", ["-c", "import signal; print(signal.getsignal(signal.SIGINT)"
                                       " is signal.default_int_handler, signal.getsignal(signal.SIGTERM)"
                                       " == signal.SIG_DFL)"], b""),
        ("uncaught KeyboardInterrupt", ["-c", "import signal\nprint('before', flush=True)\n"
                                        "signal.raise_signal(signal.SIGINT)\nprint('after')"], b""),
        ("SIGTERM at SIG_DFL kills", ["-c", "import os, signal\nprint('before', flush=True)\n"
                                      "os.kill(os.getpid(), signal.SIGTERM)\nprint('after')"], b""),
        ("SIGINT ignored", ["-c", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                            "signal.raise_signal(signal.SIGINT)\nprint('survived')"], b""),
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
    n, bad = stats_checks(tandem)   # -X stats and sys._tandem_stats(), at the end of the file
    total += n
    failures += bad
    n, bad = ctrl_c_checks(tandem, cpython, tmp)
    total += n
    failures += bad
    print("%d passed, %d failed" % (total - failures, failures))
    return 1 if failures else 0


# ---- -X stats and sys._tandem_stats() (Tandem only) ---------------------------
#
# CPython has neither, so these cases check behaviour instead of comparing:
# the documented key set and line format (docs/threading.md, "Statistics"),
# the report coming after threading shutdown, and counters that must move
# under a workload that exercises them in each flavour.

STATS_COUNTERS = [
    "threads", "gil_takes", "gil_switches", "gil_drop_requests", "gil_forced_switches",
    "gil_wait_ns", "gil_takes_this_thread", "gil_wait_ns_this_thread",
    "mutex_contended", "mutex_parks", "mutex_handoffs",
    "park_parks", "park_unparks", "park_timeouts", "park_sleep_ns",
    "brc_queued_merges", "stw_pauses", "stw_pause_ns", "stw_stop_wait_ns", "stw_max_pause_ns",
    "gc_collections", "gc_examined", "gc_freed", "gc_finalizers", "gc_resurrected",
    "gc_pause_ns", "gc_max_pause_ns", "gc_pauses_lt_10us", "gc_pauses_lt_100us",
    "gc_pauses_lt_1ms", "gc_pauses_lt_10ms", "gc_pauses_lt_100ms", "gc_pauses_lt_1s",
    "gc_pauses_lt_10s", "gc_pauses_ge_10s",
    "switch_interval_us",
]
STATS_KEYS = ["flavour", "refcount"] + STATS_COUNTERS

# Two threads spin for 0.4 s at a 1 ms switch interval, each returning its
# own counters; prints the stats the checks below look at.
STATS_SPIN = r"""
import sys, threading, time
sys.setswitchinterval(0.001)
mine = {}
def spin(n):
    end = time.monotonic() + 0.4
    x = 0
    while time.monotonic() < end:
        x += 1
    s = sys._tandem_stats()
    mine[n] = (s["gil_wait_ns_this_thread"], s["gil_takes_this_thread"])
ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = sys._tandem_stats()
print(s["flavour"], s["gil_switches"], s["gil_drop_requests"], s["gil_forced_switches"],
      s["gil_wait_ns"], s["gil_takes"], sum(w for w, _ in mine.values()),
      min(k for _, k in mine.values()), s["switch_interval_us"])
"""

# Two threads append to and pop from one list until a lock acquisition was
# contended (ft, at most 5 s) or 0.5 s passed (gil: never contended, its
# critical sections are bare braces).
STATS_CONTEND = r"""
import sys, threading, time
shared = []
done = []
limit = 0.5 if sys._tandem_stats()["flavour"] == "gil" else 5.0
def churn():
    end = time.monotonic() + limit
    while time.monotonic() < end and not done:
        for i in range(200):
            shared.append(i)
            shared.pop()
        if sys._tandem_stats()["mutex_contended"] > 0:
            done.append(1)
ts = [threading.Thread(target=churn) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = sys._tandem_stats()
print(s["flavour"], s["mutex_contended"] > 0, s["refcount"])
"""

# Producer (main thread) / consumer (worker) through a list: the consumer
# drops objects the producer's thread owns, which biased reference counting
# queues back to their owner for merging.
STATS_BRC = r"""
import sys, threading
box = []
def consume():
    got = 0
    while got < 20000:
        if box:
            box.pop()
            got += 1
t = threading.Thread(target=consume)
t.start()
for i in range(20000):
    box.append([i])
t.join()
for i in range(1000):
    pass
s = sys._tandem_stats()
print(s["refcount"], s["brc_queued_merges"] > 0)
"""

# Stop-the-world pauses: one per __class__ assignment and one per special
# method defined or deleted on a class; rebinding a special method to
# another function changes no slot and stops nothing.  A second thread runs
# Python code meanwhile, so in ft each pause really waits for it to park.
STATS_STW = r"""
import sys, threading
class A: pass
class B: pass
def pauses():
    return sys._tandem_stats()["stw_pauses"]
stop = threading.Event()
def spin():
    while not stop.is_set():
        pass
t = threading.Thread(target=spin)
t.start()
o = A()
deltas = []
n = pauses()
for i in range(10):
    o.__class__ = B if i % 2 == 0 else A
deltas.append(pauses() - n); n = pauses()
A.__len__ = lambda self: 1
deltas.append(pauses() - n); n = pauses()
A.__len__ = lambda self: 2
deltas.append(pauses() - n); n = pauses()
del A.__len__
deltas.append(pauses() - n)
stop.set()
t.join()
s = sys._tandem_stats()
print(deltas, s["stw_pause_ns"] > 0, s["stw_max_pause_ns"] <= s["stw_pause_ns"],
      s["stw_stop_wait_ns"] <= s["stw_pause_ns"], len(o.__class__.__name__))
"""

STATS_AFTER_SHUTDOWN = r"""
import sys, threading, time
def late():
    time.sleep(0.3)
    sys.stderr.write("worker done\n")
threading.Thread(target=late).start()
print("main done")
"""


def stats_checks(tandem):
    """Returns (checks run, checks failed)."""
    results = []

    def check(name, ok, detail):
        results.append(ok)
        if not ok:
            print("FAIL: stats: %s: %r" % (name, detail))

    def parse_report(err):
        """The tandem-stats lines of stderr as [(key, value)], and the rest."""
        report, other = [], []
        for line in err.splitlines():
            if line.startswith("tandem-stats: "):
                key, sep, value = line[len("tandem-stats: "):].partition("=")
                report.append((key, value if sep else None))
            else:
                other.append(line)
        return report, other

    code, out, err = run(tandem, ["-V"])
    ft = "free-threaded" in out
    flavour = "free-threaded" if ft else "gil"

    # The dict: documented keys in documented order, non-negative ints.
    code, out, err = run(tandem, ["-c", "import sys; s = sys._tandem_stats(); print(list(s)); "
                                  "print(s['flavour'], s['refcount']); "
                                  "print(all(type(s[k]) is int and s[k] >= 0 for k in list(s)[2:]))"])
    lines = out.splitlines()
    check("sys._tandem_stats() keys", code == 0 and lines[:1] == [repr(STATS_KEYS)], (code, out, err))
    check("sys._tandem_stats() flavour", code == 0 and len(lines) == 3 and lines[1].split()[0] == flavour
          and lines[1].split()[1] in (("biased", "atomic") if ft else ("plain",)), (out, err))
    check("sys._tandem_stats() values are ints >= 0", lines[2:] == ["True"], (out, err))
    code, out, err = run(tandem, ["-c", "import sys; sys._tandem_stats(1)"])
    check("sys._tandem_stats(1) raises TypeError", code == 1 and
          err.rstrip().endswith("TypeError: sys._tandem_stats() takes no arguments (1 given)"), err)

    # -X stats: after the program's own output, one documented line per key.
    code, out, err = run(tandem, ["-X", "stats", "-c", "print('out')"])
    report, other = parse_report(err)
    check("-X stats exit status and stdout", code == 0 and out == "out\n" and other == [], (code, out, err))
    check("-X stats keys in order", [k for k, _ in report] == STATS_KEYS, err)
    check("-X stats values", dict(report).get("flavour") == flavour and
          all(v is not None and v.isdigit() for k, v in report[2:]), err)
    code, out, err = run(tandem, ["-Xstats", "-c", "import sys; print(sys._tandem_stats()['threads'])"])
    report, _ = parse_report(err)
    check("-Xstats joined, threads", out == "1\n" and dict(report).get("threads") == "1", (out, err))
    code, out, err = run(tandem, ["-c", "print('out')"])
    check("no report without -X stats", code == 0 and "tandem-stats" not in err, err)

    # The report follows the traceback and keeps the exit status.
    code, out, err = run(tandem, ["-X", "stats", "-c", "1/0"])
    report, other = parse_report(err)
    check("-X stats after an uncaught exception", code == 1 and other[-1:] == ["ZeroDivisionError: division by zero"]
          and err.index("ZeroDivisionError") < err.index("tandem-stats:") and len(report) == len(STATS_KEYS),
          (code, err))
    code, out, err = run(tandem, ["-X", "stats", "-c", "raise SystemExit(3)"])
    check("-X stats after SystemExit(3)", code == 3 and len(parse_report(err)[0]) == len(STATS_KEYS), (code, err))

    # ... and comes after threading shutdown joined the non-daemon threads.
    code, out, err = run(tandem, ["-X", "stats", "-c", STATS_AFTER_SHUTDOWN])
    check("-X stats after threading shutdown", code == 0 and out == "main done\n" and
          err.startswith("worker done\ntandem-stats: flavour="), (code, out, err))

    # GIL counters: two spinning threads switch, ask for drops and wait.
    code, out, err = run(tandem, ["-c", STATS_SPIN])
    f = out.split()
    ok = code == 0 and len(f) == 9 and f[0] == flavour and f[8] == "1000"
    if ok and not ft:
        sw, req, forced, wait, takes, mywait, mytakes = map(int, f[1:8])
        # forced may be 0: the dropper only waits if the requester has not
        # taken the GIL yet, and on two cores it often has.
        ok = sw > 0 and req > 0 and forced <= req and wait > 0 and takes >= sw and 0 < mywait <= wait and mytakes > 0
    elif ok:
        ok = f[1:8] == ["0"] * 7     # no GIL, nothing to count
    check("gil counters of two spinning threads", ok, (code, out, err))

    # Object locks: contended in ft, never in gil.
    code, out, err = run(tandem, ["-c", STATS_CONTEND])
    check("mutex_contended for a shared list", code == 0 and out.split()[:2] == [flavour, str(ft)], (code, out, err))

    # Biased reference counting: queued merges when another thread drops
    # objects (0 where there is no biased counting).
    code, out, err = run(tandem, ["-c", STATS_BRC])
    f = out.split()
    check("brc_queued_merges for a producer/consumer list", code == 0 and len(f) == 2 and
          f[1] == str(f[0] == "biased"), (code, out, err))

    # Stop-the-world: counted in both flavours, for what changes shared state.
    code, out, err = run(tandem, ["-c", STATS_STW])
    check("stw_pauses for __class__ and special-method changes",
          code == 0 and out == "[10, 1, 0, 1] True True True 1\n", (code, out, err))
    return len(results), results.count(False)


# ---- Ctrl-C: a real SIGINT sent to a blocked main thread ------------------------
#
# Each script announces on stdout that it is about to block, then blocks in
# the main thread; the parent sends SIGINT a little later.  Exit status,
# stdout and stderr (the KeyboardInterrupt traceback) must be CPython's.

CTRL_C_SCRIPTS = [
    ("lock.acquire()", "import threading\nlock = threading.Lock()\nlock.acquire()\n"
                       "print('ready', flush=True)\nlock.acquire()\nprint('not reached')\n"),
    ("time.sleep()", "import time\nprint('ready', flush=True)\ntime.sleep(30)\nprint('not reached')\n"),
    ("Thread.join()", "import threading, time\nt = threading.Thread(target=time.sleep, args=(30,),"
                      " daemon=True)\nt.start()\nprint('ready', flush=True)\n"
                      "try:\n    t.join()\nexcept KeyboardInterrupt:\n    print('caught')\n"),
    ("Event.wait()", "import threading\ne = threading.Event()\nprint('ready', flush=True)\n"
                     "try:\n    e.wait()\nexcept KeyboardInterrupt:\n    print('caught')\n"),
    ("input()", "print('ready', flush=True)\ntry:\n    input()\nexcept KeyboardInterrupt:\n"
                "    print('caught')\n"),
    ("handler returns, wait resumes", "import signal, threading\n"
                                      "signal.signal(signal.SIGINT, lambda s, f: print('handler', s))\n"
                                      "lock = threading.Lock()\nlock.acquire()\nprint('ready', flush=True)\n"
                                      "print('acquire ->', lock.acquire(timeout=1.0))\n"),
]


def run_interrupted(prog, script_path, cwd):
    """Start prog on the script, wait for its 'ready', let it block, send
    SIGINT; returns (exit status, stdout, stderr) like run()."""
    p = subprocess.Popen([prog, script_path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=cwd, preexec_fn=default_sigint)
    first = p.stdout.readline()
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    # stdin stays open until the end: closing it could end input() with EOF
    # before the signal is seen.  The outputs are small enough for the pipes.
    try:
        p.wait(timeout=20)
        killed = b""
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        killed = b"\n[killed: did not react to SIGINT]"
    out, err = p.stdout.read(), p.stderr.read() + killed
    for stream in (p.stdin, p.stdout, p.stderr):
        stream.close()
    norm = lambda b: b.decode("utf-8", "replace").replace(prog, "PROG")
    return p.returncode, norm(first + out), norm(err)


def ctrl_c_checks(tandem, cpython, tmp):
    """Returns (checks run, checks failed)."""
    failures = 0
    for i, (name, body) in enumerate(CTRL_C_SCRIPTS):
        path = os.path.join(tmp, "ctrl_c_%d.py" % i)
        with open(path, "w") as f:
            f.write(body)
        got = run_interrupted(tandem, path, tmp)
        want = run_interrupted(cpython, path, tmp)
        if got != want:
            failures += 1
            print("FAIL: Ctrl-C in %s" % name)
            print("  expected (CPython): %r" % (want,))
            print("  got:                %r" % (got,))
    return len(CTRL_C_SCRIPTS), failures


if __name__ == "__main__":
    sys.exit(main())
