# acquire(timeout=...) up to _thread.TIMEOUT_MAX is accepted (CPython's
# limit: the timeout in nanoseconds must fit 64 bits); past it, CPython's
# OverflowErrors (int and float timeouts word them differently).
import _thread
lk = _thread.allocate_lock()
rl = _thread.RLock()
for t in (_thread.TIMEOUT_MAX, 9223372036, 9223372037, 9223372036.5, 9223372036.9, 9.2e9, 9200000000, 9.3e9, 2**63, 1e300, _thread.TIMEOUT_MAX * 2):
    for name, l in (("lock", lk), ("rlock", rl)):
        try:
            r = l.acquire(timeout=t)
            print(name, repr(t), "->", r)
            l.release()
        except Exception as e:
            print(name, repr(t), type(e).__name__, e)
