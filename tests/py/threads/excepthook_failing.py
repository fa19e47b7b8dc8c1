# When threading.excepthook itself fails, sys.excepthook reports that failure.
import sys
import threading
from _support.tcap import run_capturing_stderr


def bad_hook(args):
    raise RuntimeError("hook broke on %s" % args.exc_type.__name__)


def fail():
    raise ValueError("original")


def go():
    threading.excepthook = bad_hook
    t = threading.Thread(target=fail, name="tx")
    t.start()
    t.join()
    threading.excepthook = threading.__excepthook__


print(run_capturing_stderr(go))
# The hook is looked up when a Thread is created: None is refused there.
threading.excepthook = None
try:
    threading.Thread(target=fail)
except RuntimeError as e:
    print("RuntimeError:", e)
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=fail, name="restored")
print(run_capturing_stderr(lambda: (t.start(), t.join())).splitlines()[0])
