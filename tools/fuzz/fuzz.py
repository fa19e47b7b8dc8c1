#!/usr/bin/env python3
"""tools/fuzz/fuzz.py -- run Tandem on mutated script tests and on generated
object-model programs, and flag every crash.

Usage:
  fuzz.py [--mode mutate|objmodel|both] [-n N] [--seed S] [--workers W]
          [--timeout SEC] [--mem-mb MB] [--findings DIR] [--no-minimise]
          [--max-findings K] [--quiet] TANDEM

Modes (both by default; -n is per mode):
  mutate    takes the script tests tests/py/**/*.py and mutates each one
            (tools/fuzz/mutate.py: delete/duplicate/swap/splice lines, random
            tokens, brackets and quotes, NUL bytes, invalid UTF-8, encoding
            cookies, very deep nesting, very long lines, truncation, ...).
  objmodel  generates well-formed programs over the object model
            (tools/fuzz/gen_objmodel.py: operators on mixed types, special
            methods that raise or return the wrong type, containers mutated
            inside __eq__/__hash__/key functions, generators, descriptors...).

Each case runs in its own process with a timeout, RLIMIT_AS (--mem-mb; under
ASan, which reserves terabytes of shadow memory, ASan's own limits are used
instead), no core file, stdin from /dev/null and stdout discarded.  A case is
a finding when Tandem

  * dies by a signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, ...),
  * writes a sanitizer report (AddressSanitizer, UndefinedBehaviorSanitizer,
    LeakSanitizer, ThreadSanitizer) to stderr, or
  * hangs: runs past --timeout;

and CPython 3.11 (the python3 running this script) does not do the same on
the same program under the same limits (a mutant that loops forever, or a
test that kills itself with a signal, is not a finding).  Any exit status of
Tandem, an uncaught Python exception included, is fine.

Findings are deduplicated by signature (kind, signal, the top frames of the
sanitizer's stack, or of gdb's backtrace when gdb is installed), minimised
(line by line while the signature holds) and saved under --findings
(default build/fuzz-findings, never committed):

  <findings>/<mode>-<signature hash>/orig.py    the case as generated
  <findings>/<mode>-<signature hash>/min.py     the minimised reproducer
  <findings>/<mode>-<signature hash>/info.txt   signature, seed, case index, stderr

Every case is derived from (--seed, mode, index) alone, so a run is
reproducible whatever the number of workers, and `--only INDEX` reruns one.

Exit status: 0 no finding, 1 at least one finding, 2 usage error.
"""
import argparse
import concurrent.futures
import hashlib
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import gen_objmodel  # noqa: E402
import mutate  # noqa: E402

SANITIZER_RE = re.compile(
    rb"ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer|"
    rb"ERROR: ThreadSanitizer|runtime error:|ERROR: UndefinedBehaviorSanitizer|"
    rb"AddressSanitizer:DEADLYSIGNAL")
# Sanitizer messages that mean "a resource limit was hit", not a bug.
SANITIZER_LIMIT_RE = re.compile(
    rb"hard rss limit exhausted|out of memory: allocator is trying|"
    rb"allocation-size-too-big|requested allocation size .* exceeds|"
    rb"AddressSanitizer failed to allocate|ThreadSanitizer: thread limit")
FRAME_RE = re.compile(rb"^\s*#(\d+) 0x[0-9a-f]+ in (\S+)", re.M)
GDB_FRAME_RE = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(\S+)", re.M)
# Frames that say nothing about where the bug is.
BORING_FRAME_RE = re.compile(
    r"^(__interceptor_|__asan|__ubsan|__sanitizer|__tsan|_?_?libc_|raise$|abort$|"
    r"__GI_|__pthread_kill|pthread_kill|__assert|tn_fatal|malloc$|free$|realloc$|calloc$|"
    r"memcpy$|memmove$|memset$|strlen$|\?\?$)")
HANG_BORING_FRAME_RE = re.compile(
    r"^(tn_eval_frame|tn_eval_call|tn_call|frame_for_call|cfunction_call|tn_vectorcall|"
    r"method_call|slot_|call_|tn_object_call|run_main|main$|__libc|_start$|tn_mem_|"
    r"tn_object_new|tn_object_free|tn_gil_|tn_eval_check|tn_tick|tn_refcnt|.*_dealloc$|"
    r"tn_decref|tn_incref|tn_newref|run_file|run_source|tn_run_|tn_exec_|builtin_exec|"
    r"builtin_eval|tn_ceval_|\?\?$)")
LIMIT_SIGNALS = {signal.SIGXCPU, signal.SIGXFSZ, signal.SIGKILL}
# Script tests that touch the file system or processes: their mutants could
# touch files outside the scratch directory, so they are not mutated.
UNSAFE_SEED_RE = re.compile(
    rb"\b(os\.\w+|shutil\.\w+|open|remove|unlink|rmdir|rename|makedirs|mkdir|system|"
    rb"popen|fork|kill|chmod|chdir|truncate)\s*\(")


# Script tests that start threads: a mutant's outcome depends on timing (a
# deleted line can leave a thread waiting forever on a Barrier in one
# interpreter and not in the other), so a hang there says nothing; threads
# are tested by the stress suite instead.
THREADED_SEED_RE = re.compile(rb"^\s*(import|from)\s+(threading|_thread|concurrent|queue)\b", re.M)


class Case:
    """One program to run: its bytes and where it came from."""

    def __init__(self, mode, index, data, origin, support_dir=None):
        self.mode = mode
        self.index = index
        self.data = data
        self.origin = origin
        self.support_dir = support_dir


class Result:
    def __init__(self, kind, detail="", stderr=b"", rc=None, elapsed=0.0):
        self.kind = kind          # ok | limit | timeout | signal | sanitizer
        self.detail = detail      # e.g. SIGSEGV, or the sanitizer's error type
        self.stderr = stderr
        self.rc = rc
        self.elapsed = elapsed
        self.stack = ""           # gdb's backtrace of a hang

    @property
    def is_crash(self):
        return self.kind in ("signal", "sanitizer", "timeout")


def is_asan_binary(path):
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


class Runner:
    """Runs one program under Tandem or CPython with the limits."""

    def __init__(self, tandem, timeout, mem_mb, asan):
        self.tandem = os.path.abspath(tandem)
        self.timeout = timeout
        self.mem_mb = mem_mb
        self.asan = asan
        self.gdb = shutil.which("gdb")
        self.env = dict(os.environ)
        self.env["PYTHONHASHSEED"] = "0"
        self.env.pop("PYTHONPATH", None)
        if asan:
            opts = ["detect_leaks=0", "allocator_may_return_null=1",
                    "hard_rss_limit_mb=%d" % mem_mb, "max_allocation_size_mb=%d" % mem_mb,
                    "abort_on_error=0", "symbolize=1", "detect_stack_use_after_return=0",
                    "handle_abort=1"]
            extra = os.environ.get("ASAN_OPTIONS")
            self.env["ASAN_OPTIONS"] = ":".join(opts + ([extra] if extra else []))
            self.env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")

    def _preexec(self, limit_as):
        def f():
            os.setsid()
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if limit_as:
                lim = self.mem_mb << 20
                resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
            cpu = int(self.timeout) + 5
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
            os.nice(5)
        return f

    def run(self, argv, workdir, limit_as=True, env=None):
        """Run argv in workdir; returns a Result."""
        errpath = os.path.join(workdir, ".stderr")
        t0 = time.monotonic()
        with open(errpath, "wb") as err:
            proc = subprocess.Popen(argv, cwd=workdir, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err,
                                    env=env or self.env, preexec_fn=self._preexec(limit_as))
            try:
                rc = proc.wait(timeout=self.timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                timed_out = True
                stack = self.hang_stack(proc.pid) if argv[0] == self.tandem else ""
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass
                rc = proc.wait()
        elapsed = time.monotonic() - t0
        stderr = read_head_tail(errpath)
        if timed_out:
            res = Result("timeout", "hang", stderr, rc, elapsed)
            res.stack = stack
            return res
        if SANITIZER_RE.search(stderr):
            if SANITIZER_LIMIT_RE.search(stderr):
                return Result("limit", "sanitizer-limit", stderr, rc, elapsed)
            return Result("sanitizer", sanitizer_kind(stderr), stderr, rc, elapsed)
        if rc < 0:
            sig = -rc
            if sig in LIMIT_SIGNALS:
                return Result("limit", signal_name(sig), stderr, rc, elapsed)
            return Result("signal", signal_name(sig), stderr, rc, elapsed)
        return Result("ok", "", stderr, rc, elapsed)

    def hang_stack(self, pid):
        """gdb's backtrace of a hung process (where it loops), or ''."""
        if self.gdb is None:
            return ""
        try:
            return subprocess.run([self.gdb, "-batch", "-nx", "-p", str(pid), "-ex", "bt 400"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=60).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            return ""

    def run_tandem(self, script, workdir):
        return self.run([self.tandem, script], workdir, limit_as=not self.asan)

    def run_cpython(self, script, workdir):
        env = dict(self.env)
        env.pop("ASAN_OPTIONS", None)
        return self.run([sys.executable, "-W", "ignore", script], workdir, env=env)


def read_head_tail(path, limit=65536):
    with open(path, "rb") as f:
        data = f.read(limit)
        rest = f.read()
    if rest:
        data += b"\n[...]\n" + rest[-limit:]
    return data


def signal_name(sig):
    try:
        return signal.Signals(sig).name
    except ValueError:
        return "SIG%d" % sig


def sanitizer_kind(stderr):
    m = re.search(rb"ERROR: AddressSanitizer: ([\w-]+)", stderr)
    if m:
        return "asan:" + m.group(1).decode()
    m = re.search(rb"runtime error: ([^\n]{0,60})", stderr)
    if m:
        # "load of null pointer of type 'x'": keep the words, not the values.
        words = re.sub(rb"0x[0-9a-f]+|-?\d+|'[^']*'", b"N", m.group(1))
        return "ubsan:" + words.decode("utf-8", "replace").strip()
    for tag in (b"LeakSanitizer", b"ThreadSanitizer", b"DEADLYSIGNAL"):
        if tag in stderr:
            return tag.decode()
    return "sanitizer"


def top_frames(names, n=3):
    out = []
    for name in names:
        if BORING_FRAME_RE.match(name):
            continue
        out.append(name)
        if len(out) == n:
            break
    return out


def sanitizer_frames(stderr):
    # The first stack in the report is where the error happened.
    frames = []
    for m in FRAME_RE.finditer(stderr):
        if m.group(1) == b"0" and frames:
            break
        frames.append(m.group(2).decode("utf-8", "replace"))
    return top_frames(frames)


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.asan = is_asan_binary(args.tandem)
        self.runner = Runner(args.tandem, args.timeout, args.mem_mb, self.asan)
        self.findings_dir = os.path.abspath(args.findings)
        self.lock = threading.Lock()
        self.signatures = {}      # signature -> finding dir
        self.counts = {}          # (mode, kind) -> count
        self.ran = {}             # mode -> cases run
        self.scratch = tempfile.mkdtemp(prefix="tandem-fuzz-")
        self.gdb = shutil.which("gdb") if not self.asan else None
        self.gdb_budget = 200
        self.corpus = []
        self.flavour = self._flavour()
        self.stop = False

    def request_stop(self, signum, frame):
        """SIGTERM/SIGINT: finish the running cases, then print the summary."""
        self.stop = True

    def _flavour(self):
        try:
            out = subprocess.run([self.args.tandem, "-V"], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=30).stdout
        except (OSError, subprocess.TimeoutExpired):
            return "?"
        text = out.decode("utf-8", "replace")
        fl = "ft" if "free-threaded" in text else "gil" if "(gil)" in text else "?"
        return fl + ("-asan" if self.asan else "")

    # ---- the cases ----------------------------------------------------------------
    def load_corpus(self):
        base = os.path.join(ROOT, "tests", "py")
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d not in ("_support", "__pycache__"))
            for fn in sorted(filenames):
                if not fn.endswith(".py"):
                    continue
                path = os.path.join(dirpath, fn)
                with open(path, "rb") as f:
                    data = f.read()
                if (UNSAFE_SEED_RE.search(data) or THREADED_SEED_RE.search(data)
                        or b"flavour=" in data.split(b"\n", 1)[0]):
                    continue
                support = os.path.join(dirpath, "_support")
                self.corpus.append((os.path.relpath(path, ROOT), data,
                                    support if os.path.isdir(support) else None))

    def make_case(self, mode, index):
        rng = random.Random("%d:%s:%d" % (self.args.seed, mode, index))
        if mode == "objmodel":
            return Case(mode, index, gen_objmodel.generate(rng).encode(), "generated")
        rel, data, support = rng.choice(self.corpus)
        mutant, ops = mutate.mutate(rng, data, [c[1] for c in self.corpus])
        return Case(mode, index, mutant, "%s [%s]" % (rel, ", ".join(ops)), support)

    # ---- running --------------------------------------------------------------------
    def workdir(self):
        d = os.path.join(self.scratch, "w%d" % threading.get_ident())
        if not os.path.isdir(d):
            os.makedirs(d)
        return d

    def prepare(self, case, data=None):
        wd = self.workdir()
        for name in os.listdir(wd):
            p = os.path.join(wd, name)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p, ignore_errors=True)
            else:
                os.unlink(p)
        if case.support_dir:
            os.symlink(case.support_dir, os.path.join(wd, "_support"))
        script = os.path.join(wd, "case.py")
        with open(script, "wb") as f:
            f.write(case.data if data is None else data)
        return wd, script

    def run_data(self, case, data=None):
        wd, script = self.prepare(case, data)
        return self.runner.run_tandem(script, wd), wd, script

    def confirm(self, case, res, wd, script):
        """True if CPython does not fail the same way on the same program."""
        cp = self.runner.run_cpython(script, wd)
        if res.kind == "timeout":
            # A hang only if CPython is done well within the time (a loaded
            # machine must not turn a slow case into a finding).
            return cp.kind not in ("timeout", "limit") and cp.elapsed < self.args.timeout / 4
        if res.kind == "signal":
            return not (cp.kind == "signal" and cp.detail == res.detail)
        return True

    def signature(self, case, res, script, wd):
        if res.kind == "sanitizer":
            frames = sanitizer_frames(res.stderr)
            return "%s %s" % (res.detail, "<".join(frames))
        if res.kind == "timeout":
            # Where it loops: the innermost frames move while it loops, so
            # take the outermost builtins (from main up) that are not the
            # eval loop or a call helper.
            names = [m.group(2) for m in GDB_FRAME_RE.finditer(res.stack)]
            names = [n for n in reversed(names) if not HANG_BORING_FRAME_RE.match(n)
                     and not BORING_FRAME_RE.match(n)]
            return "hang %s" % ">".join(names[:2])
        frames = self.gdb_frames(script, wd)
        return "%s %s" % (res.detail, "<".join(frames))

    def gdb_frames(self, script, wd):
        with self.lock:
            if not self.gdb or self.gdb_budget <= 0:
                return []
            self.gdb_budget -= 1
        try:
            out = subprocess.run(
                [self.gdb, "-batch", "-nx", "-ex", "run", "-ex", "bt 12", "--args",
                 self.runner.tandem, script],
                cwd=wd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, timeout=self.args.timeout * 4 + 30,
                env=self.runner.env).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            return []
        bt = out[out.find("\n#0 "):] if "\n#0 " in out else ""
        return top_frames([m.group(2) for m in GDB_FRAME_RE.finditer(bt)])

    def same_failure(self, case, data, res0):
        res, wd, script = self.run_data(case, data)
        if res.kind != res0.kind or res.detail != res0.detail:
            return False
        if res.kind == "sanitizer":
            return sanitizer_frames(res.stderr)[:1] == sanitizer_frames(res0.stderr)[:1]
        return True

    def minimise(self, case, res0):
        """Delete chunks of lines (then single lines) while the failure holds."""
        lines = case.data.splitlines(keepends=True)
        # A hang costs a whole timeout per trial: few trials.
        budget = [self.args.minimise_runs if res0.kind != "timeout" else 12]

        def still(ls):
            if budget[0] <= 0:
                return False
            budget[0] -= 1
            return self.same_failure(case, b"".join(ls), res0)

        chunk = max(1, len(lines) // 2)
        while chunk >= 1 and budget[0] > 0:
            i = 0
            while i < len(lines) and budget[0] > 0:
                trial = lines[:i] + lines[i + chunk:]
                if trial and still(trial):
                    lines = trial
                else:
                    i += chunk
            chunk //= 2
        return b"".join(lines)

    def handle(self, case):
        res, wd, script = self.run_data(case)
        with self.lock:
            self.ran[case.mode] = self.ran.get(case.mode, 0) + 1
            key = (case.mode, res.kind)
            self.counts[key] = self.counts.get(key, 0) + 1
        if not res.is_crash:
            return
        if not self.confirm(case, res, wd, script):
            with self.lock:
                key = (case.mode, res.kind + "-cpython-too")
                self.counts[key] = self.counts.get(key, 0) + 1
            return
        sig = self.signature(case, res, script, wd)
        with self.lock:
            self.counts[(case.mode, "finding")] = self.counts.get((case.mode, "finding"), 0) + 1
            known = sig in self.signatures
            if not known:
                self.signatures[sig] = None
        if known:
            with self.lock:
                d = self.signatures[sig]
            if d:
                with open(os.path.join(d, "info.txt"), "a") as f:
                    f.write("also: index %d (%s)\n" % (case.index, case.origin))
            return
        if self.args.no_minimise:
            minimal = case.data
        else:
            minimal = self.minimise(case, res)
        d = os.path.join(self.findings_dir, "%s-%s-%s" % (
            self.flavour, case.mode, hashlib.sha1(sig.encode()).hexdigest()[:10]))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "orig.py"), "wb") as f:
            f.write(case.data)
        with open(os.path.join(d, "min.py"), "wb") as f:
            f.write(minimal)
        with open(os.path.join(d, "info.txt"), "w") as f:
            f.write("signature: %s\nflavour: %s\nmode: %s\nseed: %d\nindex: %d\norigin: %s\n"
                    "rerun: %s %s --seed %d --mode %s --only %d %s\n"
                    "kind: %s %s (exit %s, %.1f s)\n--- stderr (head/tail) ---\n%s\n" % (
                        sig, self.flavour, case.mode, self.args.seed, case.index, case.origin,
                        sys.executable, os.path.relpath(__file__, ROOT), self.args.seed,
                        case.mode, case.index, self.args.tandem, res.kind, res.detail, res.rc,
                        res.elapsed, res.stderr[-6000:].decode("utf-8", "replace")))
        with self.lock:
            self.signatures[sig] = d
        self.log("FINDING %s: %s (%s %d: %s) -> %s" % (
            res.kind, sig, case.mode, case.index, case.origin, os.path.relpath(d)))

    def log(self, msg):
        with self.lock:
            print(msg, flush=True)

    def run_mode(self, mode):
        n = self.args.n
        indices = [self.args.only] if self.args.only is not None else range(self.args.start, self.args.start + n)
        t0 = time.monotonic()
        done = [0]

        def work(i):
            if self.stop or len(self.signatures) >= self.args.max_findings:
                return
            try:
                self.handle(self.make_case(mode, i))
            except Exception as e:  # a harness bug must not stop the run
                self.log("harness error on %s %d: %r" % (mode, i, e))
            with self.lock:
                done[0] += 1
                k = done[0]
            if not self.args.quiet and (k % self.args.progress == 0):
                self.log("  %s: %d/%d cases, %.0f s, %d signatures" % (
                    mode, k, len(indices), time.monotonic() - t0, len(self.signatures)))

        with concurrent.futures.ThreadPoolExecutor(self.args.workers) as ex:
            list(ex.map(work, indices))
        return time.monotonic() - t0

    def main(self):
        modes = ["mutate", "objmodel"] if self.args.mode == "both" else [self.args.mode]
        if "mutate" in modes:
            self.load_corpus()
        print("fuzz: %s (%s), seed %d, %d case(s) per mode, %d worker(s), timeout %.0f s, "
              "memory %d MB" % (self.args.tandem, self.flavour, self.args.seed, self.args.n,
                                self.args.workers, self.args.timeout, self.args.mem_mb), flush=True)
        signal.signal(signal.SIGTERM, self.request_stop)
        signal.signal(signal.SIGINT, self.request_stop)
        try:
            for mode in modes:
                if self.stop:
                    break
                secs = self.run_mode(mode)
                kinds = sorted((k, v) for (m, k), v in self.counts.items() if m == mode)
                print("fuzz: %s: %d case(s) in %.0f s: %s" % (
                    mode, self.ran.get(mode, 0), secs,
                    ", ".join("%s %d" % kv for kv in kinds)), flush=True)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)
        sigs = [s for s in self.signatures]
        print("fuzz: %d distinct finding(s)%s" % (
            len(sigs), "" if not sigs else " (in %s)" % os.path.relpath(self.findings_dir)))
        for s in sigs:
            print("  " + s)
        return 1 if sigs else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tandem")
    ap.add_argument("--mode", choices=["mutate", "objmodel", "both"], default="both")
    ap.add_argument("-n", type=int, default=1000, help="cases per mode (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first case index")
    ap.add_argument("--only", type=int, default=None, help="run only this case index")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    ap.add_argument("--mem-mb", type=int, default=1024)
    ap.add_argument("--findings", default=os.path.join(ROOT, "build", "fuzz-findings"))
    ap.add_argument("--no-minimise", action="store_true")
    ap.add_argument("--minimise-runs", type=int, default=300)
    ap.add_argument("--max-findings", type=int, default=50,
                    help="stop after this many distinct findings")
    ap.add_argument("--progress", type=int, default=500, help="report every N cases")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not os.access(args.tandem, os.X_OK):
        print("fuzz: %s is not an executable" % args.tandem, file=sys.stderr)
        return 2
    return Fuzzer(args).main()


if __name__ == "__main__":
    sys.exit(main())
