# Timer calls its function after the interval unless cancelled.
import threading

calls = []
t = threading.Timer(0.01, lambda *a, **k: calls.append((a, k)), args=(1, 2), kwargs={"x": 3})
t.start()
t.join()
print(calls, t.finished.is_set())
c = threading.Timer(30, calls.append, args=("never",))
c.start()
c.cancel()
c.join()
print(calls, c.is_alive())
d = threading.Timer(0, calls.append, ["list args"])
d.start()
d.join()
print(calls)
print(isinstance(t, threading.Thread), t.interval, c.args, d.kwargs)
