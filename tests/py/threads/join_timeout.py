# join(timeout) returns when the time is up; the thread is still alive.
import threading
import time

go = threading.Event()
t = threading.Thread(target=go.wait)
t.start()
start = time.monotonic()
t.join(0.05)
waited = time.monotonic() - start
print(t.is_alive(), waited >= 0.04)
t.join(0)
t.join(-1)
print(t.is_alive())
go.set()
t.join(10)
print(t.is_alive())
t.join()
print(t.is_alive())
