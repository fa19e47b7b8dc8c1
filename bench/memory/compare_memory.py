"""bench/memory/compare_memory.py -- the memory section of `make compare`.

Three tables, every interpreter in one run (machines are noisy: read the
ratios, not the absolute figures):

  (a) gc pause: one full gc.collect() over a heap of 10^5 and 10^6 live
      container objects (bench/memory/gc_pause.py), median of 5;
  (b) peak RSS of a program that builds 10^6 short-lived reference cycles
      with automatic collection on (bench/memory/cycles.py): bounded only if
      the collector reclaims them;
  (c) allocation-heavy threads (bench/threads/alloc.py) at 1 and 2 threads,
      per allocator: the default object allocator and the system malloc
      ablation (builds gil-sysalloc / ft-sysalloc, TANDEM_ALLOC=system),
      when those builds exist.

Interpreters: build/gil, build/ft, python3 (the real binary), and the
-sysalloc builds if present; --interp NAME=PATH adds one.
"""
import argparse
import os
import statistics
import subprocess
import sys
import threading

MEM_DIR = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.dirname(MEM_DIR)
ROOT = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)
import compare  # noqa: E402

TIMEOUT = 600


def interpreters(extra):
    interps = compare.parse_interps(extra)
    interps.pop("ft-atomic", None)
    for name in ("gil-sysalloc", "ft-sysalloc"):
        path = os.path.join(ROOT, "build", name, "tandem")
        if os.path.exists(path):
            interps[name] = path
    return interps


def run(interp, script, args):
    """(stdout, {key: float}, peak RSS in MiB, error or None).  The child is
    reaped with os.wait4, whose rusage gives its own peak RSS."""
    cmd = [interp, script] + [str(a) for a in args]
    try:
        proc = subprocess.Popen(cmd, cwd=os.path.dirname(script), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        return "", {}, 0.0, str(e)
    chunks = {}
    readers = [threading.Thread(target=lambda k, f: chunks.__setitem__(k, f.read()), args=(k, f))
               for k, f in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    timer = threading.Timer(TIMEOUT, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
    for t in readers:
        t.join()
    rss = usage.ru_maxrss / 1024.0
    text = chunks.get("out", b"").decode("utf-8", "replace").strip()
    lines = chunks.get("err", b"").decode("utf-8", "replace").strip().splitlines()
    if proc.returncode != 0:
        return text, {}, rss, "exit %s: %s" % (proc.returncode, lines[-1] if lines else "")
    values = {}
    for line in lines:
        if line.startswith("bench-result:"):
            for item in line.split()[1:]:
                k, _, v = item.partition("=")
                values[k] = float(v)
    return text, values, rss, None


def table(title, header, rows):
    print()
    print(title)
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per cell (default 3; medians)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the sizes (default 1)")
    ap.add_argument("--interp", action="append", default=[], metavar="NAME=PATH")
    args = ap.parse_args(argv)
    interps = interpreters(args.interp)
    names = [n for n in interps if os.path.exists(interps[n]) or n == compare.REFERENCE]
    ref = compare.REFERENCE

    # (a)
    rows = []
    for n in (100000, 1000000):
        n = int(n * args.scale)
        cells = {}
        for name in names:
            vals = []
            for _ in range(args.runs):
                _, v, _, err = run(interps[name], os.path.join(MEM_DIR, "gc_pause.py"), [n, 5])
                if err:
                    cells[name] = "FAIL"
                    break
                vals.append(v["median_ms"])
            else:
                cells[name] = statistics.median(vals)
        row = ["%d objects" % n] + [("%.2f" % cells[x]) if isinstance(cells[x], float) else cells[x] for x in names]
        for x in names:
            if x != ref and isinstance(cells.get(x), float) and isinstance(cells.get(ref), float):
                row.append("%.2fx" % (cells[x] / cells[ref]))
        rows.append(row)
    table("(a) full collection pause, ms (median of 5 collections, median of %d runs)" % args.runs,
          ["heap"] + names + ["%s/%s" % (x, ref) for x in names if x != ref], rows)

    # (b)
    n = int(1000000 * args.scale)
    rows = []
    for name in names:
        rss, secs, status = [], [], "ok"
        for _ in range(args.runs):
            _, v, r, err = run(interps[name], os.path.join(MEM_DIR, "cycles.py"), [n])
            if err:
                status = err
                break
            rss.append(r)
            secs.append(v["elapsed"])
        if status != "ok":
            rows.append([name, "FAIL", "", status[:60]])
        else:
            rows.append([name, "%.1f" % statistics.median(rss), "%.3f" % statistics.median(secs), ""])
    table("(b) %d short-lived cycles: peak RSS (MiB) and time (s), medians of %d runs" % (n, args.runs),
          ["interpreter", "peak MiB", "seconds", "note"], rows)

    # (c)
    size = int(400000 * args.scale)
    rows = []
    script = os.path.join(BENCH_DIR, "threads", "alloc.py")
    for name in names:
        t = {}
        for threads in (1, 2):
            vals = []
            for _ in range(args.runs):
                _, v, _, err = run(interps[name], script, [threads, size])
                if err:
                    break
                vals.append(v["elapsed"])
            t[threads] = statistics.median(vals) if vals else None
        if t[1] and t[2]:
            rows.append([name, "%.3f" % t[1], "%.3f" % t[2], "%.2fx" % (2 * t[1] / t[2])])
        else:
            rows.append([name, "FAIL", "FAIL", ""])
    table("(c) allocation-heavy threads (bench/threads/alloc.py, %d iterations per thread): seconds, "
          "and scaling = 2 x t1 / t2 (2.00x = perfect)" % size,
          ["interpreter", "1 thread", "2 threads", "scaling"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
