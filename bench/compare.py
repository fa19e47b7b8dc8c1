#!/usr/bin/env python3
"""bench/compare.py -- run the single-thread kernels side by side.

Usage: python3 bench/compare.py [--runs N] [--only NAME[,NAME]] [--size N]
                                [--interp NAME=PATH ...] [--json FILE]

Runs every kernel bench/<name>.py under each interpreter -- by default
build/gil/tandem, build/ft/tandem, build/ft-atomic/tandem (the atomic reference
counting ablation, when built) and python3 (CPython, the reference) --
N times (default 5), interleaved (for each run, every interpreter in turn)
so that machine noise spreads evenly.  Every run's output must equal the
checksum line python3 prints; a difference is reported as MISMATCH and a
crash or timeout as FAIL.  Prints a table of median wall-clock seconds and
the ratios ft/gil, ft-atomic/gil and each interpreter / python3, plus a geometric-mean row,
and writes the results as JSON to bench/results/latest.json (and --json FILE).

--interp NAME=PATH adds an interpreter (or replaces gil, ft or python3).
`make compare` builds both flavours first and then runs this script.
Exit status: 0 when every run succeeded with the right checksum, 1 otherwise.
"""
import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
RESULTS_DIR = os.path.join(BENCH_DIR, "results")
NOT_KERNELS = {"compare.py"}
REFERENCE = "python3"
TIMEOUT = 600


def real_python3():
    """The real CPython binary behind `python3` (a pyenv shim adds ~50 ms per run)."""
    try:
        out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, timeout=60, check=True)
        path = out.stdout.decode().strip()
        if path:
            return path
    except (OSError, subprocess.SubprocessError):
        pass
    return sys.executable


def find_kernels(only):
    names = sorted(f[:-3] for f in os.listdir(BENCH_DIR)
                   if f.endswith(".py") and f not in NOT_KERNELS and not f.startswith("_"))
    if only:
        unknown = [n for n in only if n not in names]
        if unknown:
            sys.exit("compare.py: unknown kernel(s) %s; available: %s"
                     % (", ".join(unknown), ", ".join(names)))
        names = [n for n in names if n in only]
    return names


def parse_interps(extra):
    interps = {
        "gil": os.path.join(ROOT, "build", "gil", "tandem"),
        "ft": os.path.join(ROOT, "build", "ft", "tandem"),
        REFERENCE: real_python3(),
    }
    # The ablation build (atomic reference counting) joins when it is built,
    # so that the cost of biased counting's absence is one column away.
    ablation = os.path.join(ROOT, "build", "ft-atomic", "tandem")
    if os.path.exists(ablation):
        interps["ft-atomic"] = ablation
    for spec in extra:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            sys.exit("compare.py: --interp wants NAME=PATH, got %r" % spec)
        interps[name] = os.path.abspath(path) if os.sep in path else path
    return interps


def run_once(interp, kernel, size):
    """One timed run.  Returns (seconds, stdout text, error or None)."""
    cmd = [interp, os.path.join(BENCH_DIR, kernel + ".py")]
    if size is not None:
        cmd.append(str(size))
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=BENCH_DIR, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %d s" % TIMEOUT
    except OSError as e:
        return None, "", str(e)
    dt = time.perf_counter() - t0
    out = proc.stdout.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = err[-1] if err else ""
        return None, out, "exit %d%s" % (proc.returncode, ": " + tail if tail else "")
    return dt, out, None


def run_kernel(kernel, interps, runs, size):
    """All runs of one kernel, interleaved across interpreters."""
    res = {name: {"times": [], "outputs": [], "status": "ok", "error": None} for name in interps}
    for r in range(runs):
        for name, path in interps.items():
            cell = res[name]
            if cell["status"] == "FAIL":
                continue                      # do not retry a crashing interpreter
            print("  %-10s run %d/%d %s" % (kernel, r + 1, runs, name), file=sys.stderr, flush=True)
            dt, out, err = run_once(path, kernel, size)
            if err is not None:
                cell["status"] = "FAIL"
                cell["error"] = err
                cell["outputs"].append(out)
                continue
            cell["times"].append(dt)
            cell["outputs"].append(out)
    # Every output must equal the reference's (CPython's) checksum line.
    ref_out = None
    if REFERENCE in res and res[REFERENCE]["status"] == "ok":
        outs = set(res[REFERENCE]["outputs"])
        ref_out = res[REFERENCE]["outputs"][0] if len(outs) == 1 else None
        if len(outs) != 1:
            res[REFERENCE]["status"] = "MISMATCH"
            res[REFERENCE]["error"] = "%s printed different outputs across runs" % REFERENCE
    for name, cell in res.items():
        cell["expected"] = ref_out
        if cell["status"] != "ok" or ref_out is None:
            continue
        bad = [o for o in cell["outputs"] if o != ref_out]
        if bad:
            cell["status"] = "MISMATCH"
            cell["error"] = "printed %r, %s printed %r" % (bad[0], REFERENCE, ref_out)
    for cell in res.values():
        cell["median"] = statistics.median(cell["times"]) if cell["status"] == "ok" and cell["times"] else None
    return res


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio(a, b):
    return a / b if a is not None and b is not None and b > 0 else None


def ratio_columns(names):
    """(label, numerator, denominator) for every ratio the table shows."""
    cols = []
    for n in ("ft", "ft-atomic"):
        if n in names and "gil" in names:
            cols.append(("%s/gil" % n, n, "gil"))
    for n in names:
        if n != REFERENCE and REFERENCE in names:
            cols.append(("%s/%s" % (n, "py"), n, REFERENCE))
    return cols


def fmt_time(cell):
    if cell["status"] != "ok":
        return cell["status"]
    return "%.3f" % cell["median"]


def fmt_ratio(r):
    return "-" if r is None else "%.2fx" % r


def print_table(kernels, results, names):
    rcols = ratio_columns(names)
    header = ["kernel"] + ["%s s" % n for n in names] + [c[0] for c in rcols]
    rows = []
    ratio_values = {c[0]: [] for c in rcols}
    time_values = {n: [] for n in names}
    for k in kernels:
        res = results[k]
        row = [k] + [fmt_time(res[n]) for n in names]
        for label, num, den in rcols:
            r = ratio(res[num]["median"], res[den]["median"])
            ratio_values[label].append(r)
            row.append(fmt_ratio(r))
        for n in names:
            time_values[n].append(res[n]["median"])
        rows.append(row)
    geo = ["geomean"]
    for n in names:
        g = geomean(time_values[n])
        geo.append("-" if g is None else "%.3f" % g)
    for label, _, _ in rcols:
        geo.append(fmt_ratio(geomean(ratio_values[label])))
    widths = [max(len(str(r[i])) for r in [header] + rows + [geo]) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
                         for i, c in enumerate(cells))
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print(line(["-" * w for w in widths]))
    print(line(geo))
    return {label: geomean(v) for label, v in ratio_values.items()}


def main(argv):
    ap = argparse.ArgumentParser(description="Run the bench kernels under gil, ft and python3.")
    ap.add_argument("--runs", type=int, default=5, help="runs per kernel and interpreter (default 5)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="only these kernels (repeat, or comma-separate)")
    ap.add_argument("--interp", action="append", default=[], metavar="NAME=PATH",
                    help="add an interpreter, or replace gil/ft/python3")
    ap.add_argument("--size", type=int, help="size argument for every kernel (default: each kernel's own)")
    ap.add_argument("--json", metavar="FILE", help="also write the results to FILE")
    opts = ap.parse_args(argv)
    if opts.runs < 1:
        ap.error("--runs must be >= 1")

    only = [n for spec in opts.only for n in spec.split(",") if n]
    kernels = find_kernels(only)
    interps = parse_interps(opts.interp)
    names = list(interps)
    for name, path in interps.items():
        if os.sep in path and not os.access(path, os.X_OK):
            print("compare.py: %s: %s does not exist (run `make compare`, or `make %s`); its cells will say FAIL"
                  % (name, path, name if name in ("gil", "ft") else "..."), file=sys.stderr)

    print("interpreters: " + ", ".join("%s=%s" % kv for kv in interps.items()))
    print("kernels: %s; %d run(s) each, median wall-clock seconds (process start to exit)%s"
          % (", ".join(kernels), opts.runs, "; size %d" % opts.size if opts.size is not None else ""))
    started = datetime.datetime.now(datetime.timezone.utc)
    results = {}
    for k in kernels:
        results[k] = run_kernel(k, interps, opts.runs, opts.size)
    print()
    geo = print_table(kernels, results, names)

    problems = [(k, n, results[k][n]) for k in kernels for n in names if results[k][n]["status"] != "ok"]
    if problems:
        print()
        for k, n, cell in problems:
            print("!!! %s %s under %s: %s" % (cell["status"], k, n, cell["error"]))

    report = {
        "started": started.isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "cpus": os.cpu_count(), "python3": sys.version.split()[0]},
        "runs": opts.runs,
        "size": opts.size,
        "interpreters": interps,
        "kernels": {k: {n: {key: results[k][n][key]
                            for key in ("status", "median", "times", "error", "expected")}
                        for n in names} for k in kernels},
        "geomean_ratios": geo,
    }
    os.makedirs(RESULTS_DIR, exist_ok=True)
    paths = [os.path.join(RESULTS_DIR, "latest.json")] + ([opts.json] if opts.json else [])
    for p in paths:
        with open(p, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    print("\nresults: " + ", ".join(p if os.path.relpath(p).startswith("..") else os.path.relpath(p) for p in paths))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
