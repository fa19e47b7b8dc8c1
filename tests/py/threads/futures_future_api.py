# Future driven by hand: states, callbacks, timeouts, invalid transitions.
import concurrent.futures as cf
from _support.tcap import mask_addresses

f = cf.Future()
print(mask_addresses(repr(f)), f.done(), f.running())
order = []
f.add_done_callback(lambda fut: order.append(("cb1", fut.result())))
f.add_done_callback(lambda fut: order.append(("cb2", fut.done())))
try:
    f.result(timeout=0.01)
except TimeoutError:
    print("result timed out")
try:
    f.exception(timeout=0)
except TimeoutError:
    print("exception timed out")
print(f.set_running_or_notify_cancel(), f.running(), mask_addresses(repr(f)))
print(f.cancel())
f.set_result([1, 2])
print(order, f.result(), mask_addresses(repr(f)))
f.add_done_callback(lambda fut: order.append("late callback runs at once"))
print(order[-1])
try:
    f.set_result(3)
except cf.InvalidStateError as e:
    print("InvalidStateError:", mask_addresses(str(e)))
try:
    f.set_exception(ValueError())
except cf.InvalidStateError as e:
    print("InvalidStateError:", mask_addresses(str(e)))
c = cf.Future()
print(c.cancel(), c.cancelled(), c.done(), c.cancel(), mask_addresses(repr(c)))
try:
    c.result()
except cf.CancelledError as e:
    print("CancelledError", type(e).__module__, issubclass(cf.CancelledError, Exception))
try:
    c.exception()
except cf.CancelledError:
    print("exception() raises CancelledError too")
print(c.set_running_or_notify_cancel(), c.cancelled())
# The unexpected state is also logged (to sys.stderr, logging's last
# resort): capture it, since the message holds id(c).
class _Capture:
    text = ""
    def write(self, s):
        self.text += s
    def flush(self):
        pass
import sys
cap, saved = _Capture(), sys.stderr
sys.stderr = cap
try:
    c.set_running_or_notify_cancel()
except RuntimeError as e:
    print("RuntimeError:", e)
finally:
    sys.stderr = saved
print("logged:", cap.text.replace(str(id(c)), "<id>").strip())
e = cf.Future()
e.set_exception(KeyError("k"))
print(repr(e.exception()), mask_addresses(repr(e)))
print(cf.InvalidStateError.__mro__[1].__name__, cf.BrokenExecutor.__mro__[1].__name__)
