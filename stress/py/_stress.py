# stress/py/_stress.py -- the frame every Python stress program shares (not
# a test itself: names starting with "_" are not registered).
#
#   SCALE    TN_STRESS_SCALE from the environment (>= 1, default 1)
#   errors   broken invariants, as messages; a program appends to it
#   run(fns, on_error=None)   runs each function in its own thread, all
#            released together by one Event (so they really overlap), and
#            joins them; an exception escaping a function is recorded in
#            `errors`, and on_error() is called (e.g. to stop the others)
#   finish(name, summary)   reports: every error on stderr and exit 1, or
#            "name: ok (summary)" on stdout
import os
import sys
import threading

SCALE = max(1, int(os.environ.get("TN_STRESS_SCALE", "1") or "1"))
errors = []


def run(fns, on_error=None):
    gate = threading.Event()

    def wrap(fn):
        def body():
            gate.wait()
            try:
                fn()
            except BaseException as e:  # noqa: B902
                errors.append("%s: %r" % (fn.__name__, e))
                if on_error is not None:
                    on_error()
        return body
    ts = [threading.Thread(target=wrap(f)) for f in fns]
    for t in ts:
        t.start()
    gate.set()
    for t in ts:
        t.join()


def finish(name, summary):
    if errors:
        for e in errors:
            print("%s: FAIL:" % name, e, file=sys.stderr)
        sys.exit(1)
    print("%s: ok (%s)" % (name, summary))
