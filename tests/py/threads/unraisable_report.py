# Reports go to the current sys.stderr: _thread threads' "Exception ignored", and _stderr fallback.
import _thread
import sys
import threading
import time
from _support.tcap import Capture, normalise


def fail(x):
    raise ValueError(x)


def wait_for(cap, tail):
    deadline = time.monotonic() + 30
    while not cap.getvalue().endswith(tail) and time.monotonic() < deadline:
        time.sleep(0.005)


cap = Capture()
sys.stderr = cap
_thread.start_new_thread(fail, ("raw thread",))
wait_for(cap, "ValueError: raw thread\n")
sys.stderr = sys.__stderr__
print(normalise(cap.getvalue()).replace("function fail at 0xADDR", "function fail"))
# SystemExit in a _thread thread is silent; the next report shows nothing came before it.
cap = Capture()
sys.stderr = cap
_thread.start_new_thread(sys.exit, (5,))
_thread.start_new_thread(fail, ("second",))
wait_for(cap, "ValueError: second\n")
sys.stderr = sys.__stderr__
print(cap.getvalue().count("Exception ignored"), cap.getvalue().count("SystemExit"))
# With sys.stderr None, threading's report goes to the thread's _stderr
# (sys.stderr when the Thread object was made).
cap = Capture()
sys.stderr = cap
t = threading.Thread(target=fail, args=("fallback",), name="fb")
sys.stderr = None
t.start()
t.join()
sys.stderr = sys.__stderr__
print(normalise(cap.getvalue()))
