#!/usr/bin/env python3
"""bench/threads/compare_threads.py -- the threads section of `make compare`.

Usage: python3 bench/threads/compare_threads.py [--runs N] [--only NAME[,NAME]]
           [--scale F] [--samples N] [--interp NAME=PATH ...] [--json FILE]

Two tables, for the same interpreters as bench/compare.py (build/gil,
build/ft, build/ft-atomic when built, and the real python3 binary):

1. Scaling.  Each workload in this folder (independent, shared_call,
   shared_attr, shared_dictlist, alloc) runs with 1 and with 2 threads, each
   thread doing the same work, so 2 threads do twice the work.  The workload
   times itself (release of the threads to the last join) and the table
   shows the median seconds at 1 and 2 threads and the scaling
       scaling = (work/s at 2 threads) / (work/s at 1 thread) = 2 * t1 / t2
   taken per run (t1 and t2 of the same round) and then the median:
   2.00x is perfect, 1.00x is no gain from the second thread.  `2T cores`
   (CPU time / wall time at 2 threads) shows how many cores the threads
   actually kept busy, which tells a loaded machine from a real limit.
2. Convoy.  convoy.py measures how long a 0.5 ms time.sleep takes while a
   second thread burns CPU, at switch intervals 5 ms and 0.5 ms: median, p95
   and the largest of the runs' max, in milliseconds.

Runs are interleaved (for each round: for each workload and thread count:
for each interpreter), so the ratios come from one session.  Every run's
stdout must equal python3's (MISMATCH otherwise; a crash or timeout is
FAIL).  Results also go to bench/results/threads_latest.json.
Exit status: 0 when every run succeeded with the right output, 1 otherwise.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

THREADS_DIR = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.dirname(THREADS_DIR)
sys.path.insert(0, BENCH_DIR)
import compare  # noqa: E402  (interpreter discovery is shared with the kernels table)

WORKLOADS = ["independent", "shared_call", "shared_attr", "shared_dictlist", "alloc"]
# Default work per thread (the scripts' own defaults); --scale multiplies it.
# About 0.3 s of CPU per thread in CPython 3.11 on the 2-core machine.
DEFAULT_SIZES = {"independent": 1900000, "shared_call": 4500000, "shared_attr": 3500000,
                 "shared_dictlist": 3000000, "alloc": 1200000}
THREAD_COUNTS = (1, 2)
CONVOY_INTERVALS_MS = (5.0, 0.5)
REFERENCE = compare.REFERENCE
TIMEOUT = 300


def run_once(interp, script, args):
    """One run: (stdout text, {key: float} from the bench-result line, error or None)."""
    cmd = [interp, os.path.join(THREADS_DIR, script)] + [str(a) for a in args]
    try:
        proc = subprocess.run(cmd, cwd=THREADS_DIR, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "", {}, "timeout after %d s" % TIMEOUT
    except OSError as e:
        return "", {}, str(e)
    out = proc.stdout.decode("utf-8", "replace").strip()
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    if proc.returncode != 0:
        tail = err[-1] if err else ""
        return out, {}, "exit %d%s" % (proc.returncode, ": " + tail if tail else "")
    values = {}
    for line in err:
        if line.startswith("bench-result:"):
            for item in line.split()[1:]:
                key, _, value = item.partition("=")
                values[key] = float(value)
    if not values:
        return out, {}, "no bench-result line on stderr"
    return out, values, None


class Cell:
    """The runs of one (case, interpreter)."""

    def __init__(self):
        self.status = "ok"
        self.error = None
        self.outputs = []
        self.values = []      # one {key: float} per successful run

    def add(self, out, values, err):
        self.outputs.append(out)
        if err is not None:
            self.status, self.error = "FAIL", err
        else:
            self.values.append(values)

    def series(self, key):
        return [v[key] for v in self.values]


def check_outputs(cells):
    """Every interpreter's stdout must equal the reference's, run by run."""
    ref = cells.get(REFERENCE)
    ref_out = None
    if ref is not None and ref.status == "ok":
        outs = set(ref.outputs)
        if len(outs) == 1:
            ref_out = ref.outputs[0]
        else:
            ref.status, ref.error = "MISMATCH", "%s printed different outputs across runs" % REFERENCE
    for cell in cells.values():
        if cell.status != "ok" or ref_out is None:
            continue
        bad = [o for o in cell.outputs if o != ref_out]
        if bad:
            cell.status, cell.error = "MISMATCH", "printed %r, %s printed %r" % (bad[0], REFERENCE, ref_out)


def run_all(interps, workloads, sizes, runs, samples, intervals):
    """cases: {(kind, name, param): {interp: Cell}} filled round by round."""
    cases = {}
    plan = [("scaling", w, n) for w in workloads for n in THREAD_COUNTS]
    plan += [("convoy", "convoy", ms) for ms in intervals]
    for key in plan:
        cases[key] = {name: Cell() for name in interps}
    for r in range(runs):
        for key in plan:
            kind, name, param = key
            script = name + ".py"
            args = [param, sizes[name]] if kind == "scaling" else [param, samples]
            for iname, path in interps.items():
                cell = cases[key][iname]
                if cell.status != "ok":
                    continue          # do not retry a crashing interpreter
                print("  %-16s %-6s run %d/%d %s" % (name, "%gT" % param if kind == "scaling" else "%gms" % param,
                                                     r + 1, runs, iname), file=sys.stderr, flush=True)
                cell.add(*run_once(path, script, args))
    for cells in cases.values():
        check_outputs(cells)
    return cases


def fmt(v, spec="%.3f"):
    return "-" if v is None else spec % v


def print_rows(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(widths[i]) if i < 2 else str(c).rjust(widths[i])
                         for i, c in enumerate(cells))
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))


def scaling_of(c1, c2):
    """(median t1, median t2, median of the per-round 2*t1/t2, median cores
    used at 2 threads = CPU time / wall time) or Nones."""
    if c1.status != "ok" or c2.status != "ok" or not c1.values or not c2.values:
        return None, None, None, None
    t1, t2 = c1.series("elapsed"), c2.series("elapsed")
    per_round = [2.0 * a / b for a, b in zip(t1, t2) if b > 0]
    cores = [c / t for c, t in zip(c2.series("cpu"), t2) if t > 0]
    return (statistics.median(t1), statistics.median(t2),
            statistics.median(per_round) if per_round else None, statistics.median(cores) if cores else None)


def scaling_table(cases, workloads, names):
    summary = {}
    rows = []
    for w in workloads:
        for n in names:
            c1, c2 = cases[("scaling", w, 1)][n], cases[("scaling", w, 2)][n]
            t1, t2, s, cores = scaling_of(c1, c2)
            summary.setdefault(w, {})[n] = {"t1": t1, "t2": t2, "scaling": s, "cores_2t": cores}
            bad = c1.status if c1.status != "ok" else c2.status if c2.status != "ok" else None
            rows.append([w, n, bad or fmt(t1), bad or fmt(t2), bad or fmt(s, "%.2fx"), bad or fmt(cores, "%.2f")])
    print("Scaling: median seconds for one thread's work (1T) and for twice the work on two threads (2T);")
    print("scaling = work/s at 2 threads / work/s at 1 thread (2.00x perfect, 1.00x no gain);")
    print("2T cores = CPU time / wall time at 2 threads: the cores the threads kept busy (lowered by lock waits")
    print("and by other load on the machine)")
    print()
    print_rows(["workload", "interp", "1T s", "2T s", "scaling", "2T cores"], rows)
    print()
    compact = [[w, ""] + [fmt(summary[w][n]["scaling"], "%.2fx") for n in names] for w in workloads]
    print_rows(["scaling", ""] + names, compact)
    return summary


def convoy_table(cases, names, samples, intervals):
    summary = {}
    rows = []
    for ms in intervals:
        for n in names:
            cell = cases[("convoy", "convoy", ms)][n]
            if cell.status != "ok" or not cell.values:
                rows.append(["%g ms" % ms, n, cell.status, cell.status, cell.status])
                continue
            med = statistics.median(cell.series("median_ms"))
            p95 = statistics.median(cell.series("p95_ms"))
            mx = max(cell.series("max_ms"))
            summary.setdefault("%g" % ms, {})[n] = {"median_ms": med, "p95_ms": p95, "max_ms": mx}
            rows.append(["%g ms" % ms, n, fmt(med, "%.2f"), fmt(p95, "%.2f"), fmt(mx, "%.2f")])
    print("Convoy: response time in ms of time.sleep(0.0005) while another thread burns CPU")
    print("(%d sleeps per run; median and p95 are medians over the runs, max is the largest)" % samples)
    print()
    print_rows(["switch interval", "interp", "median", "p95", "max"], rows)
    return summary


def main(argv):
    ap = argparse.ArgumentParser(description="Thread scaling and convoy tables for gil, ft and python3.")
    ap.add_argument("--runs", type=int, default=3, help="runs per case and interpreter (default 3)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="only these scaling workloads (repeat or comma-separate; 'none' skips them)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every workload's size (default 1)")
    ap.add_argument("--samples", type=int, default=100, help="sleeps per convoy run (default 100; 0 skips it)")
    ap.add_argument("--interp", action="append", default=[], metavar="NAME=PATH",
                    help="add an interpreter, or replace gil/ft/ft-atomic/python3")
    ap.add_argument("--json", metavar="FILE", help="also write the results to FILE")
    opts = ap.parse_args(argv)
    if opts.runs < 1 or opts.scale <= 0 or opts.samples < 0:
        ap.error("--runs must be >= 1, --scale > 0, --samples >= 0")
    only = [n for spec in opts.only for n in spec.split(",") if n]
    unknown = [n for n in only if n not in WORKLOADS and n != "none"]
    if unknown:
        ap.error("unknown workload(s) %s; available: %s" % (", ".join(unknown), ", ".join(WORKLOADS)))
    workloads = [w for w in WORKLOADS if w in only] if only else list(WORKLOADS)
    sizes = {w: max(1, int(DEFAULT_SIZES[w] * opts.scale)) for w in WORKLOADS}
    interps = compare.parse_interps(opts.interp)
    # The reference last, as in the kernels table's ratio columns.
    if REFERENCE in interps:
        interps[REFERENCE] = interps.pop(REFERENCE)
    names = list(interps)
    for name, path in interps.items():
        if os.sep in path and not os.access(path, os.X_OK):
            print("compare_threads.py: %s: %s does not exist (run `make compare`); its cells will say FAIL"
                  % (name, path), file=sys.stderr)

    intervals = CONVOY_INTERVALS_MS if opts.samples > 0 else ()
    print("threads section: interpreters " + ", ".join("%s=%s" % kv for kv in interps.items()))
    print("%d run(s) per case, interleaved; %d CPUs" % (opts.runs, os.cpu_count() or 0))
    started = datetime.datetime.now(datetime.timezone.utc)
    t0 = time.perf_counter()
    cases = run_all(interps, workloads, sizes, opts.runs, opts.samples, intervals)
    print()
    scaling = scaling_table(cases, workloads, names) if workloads else {}
    convoy = {}
    if intervals:
        print()
        convoy = convoy_table(cases, names, opts.samples, intervals)
    print("\nthreads section took %.0f s" % (time.perf_counter() - t0))

    problems = [(k, n, c) for k, cells in cases.items() for n, c in cells.items() if c.status != "ok"]
    if problems:
        print()
        for (kind, name, param), n, cell in problems:
            print("!!! %s %s(%g) under %s: %s" % (cell.status, name, param, n, cell.error))

    report = {
        "started": started.isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "cpus": os.cpu_count(), "python3": sys.version.split()[0]},
        "runs": opts.runs,
        "sizes": sizes,
        "convoy_samples": opts.samples,
        "interpreters": interps,
        "scaling": scaling,
        "convoy": convoy,
        "runs_detail": {"%s/%s/%g" % k: {n: {"status": c.status, "error": c.error, "values": c.values}
                                          for n, c in cells.items()} for k, cells in cases.items()},
    }
    os.makedirs(compare.RESULTS_DIR, exist_ok=True)
    paths = [os.path.join(compare.RESULTS_DIR, "threads_latest.json")] + ([opts.json] if opts.json else [])
    for p in paths:
        with open(p, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    print("results: " + ", ".join(p if os.path.relpath(p).startswith("..") else os.path.relpath(p) for p in paths))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
