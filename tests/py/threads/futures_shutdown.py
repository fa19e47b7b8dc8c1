# shutdown(): no new work afterwards; cancel_futures drops queued calls.
import concurrent.futures as cf
import threading

ex = cf.ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    gate.wait()
    return "blocker done"


first = ex.submit(blocker)
started.wait()
queued = [ex.submit(int, str(i)) for i in range(3)]
print([f.running() for f in queued], first.running())
gate.set()
ex.shutdown(wait=True)
print(first.result(), [f.result() for f in queued])
try:
    ex.submit(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()  # a second shutdown is harmless

ex2 = cf.ThreadPoolExecutor(max_workers=1)
gate2 = threading.Event()
started2 = threading.Event()
running = ex2.submit(lambda: started2.set() or gate2.wait(5))
started2.wait()
pending = [ex2.submit(int, "5") for _ in range(3)]
ex2.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in pending], running.cancelled(), running.cancel())
gate2.set()
print(running.result())
try:
    pending[0].result()
except cf.CancelledError as e:
    print("CancelledError", repr(e))
ex2.shutdown(wait=True)
with cf.ThreadPoolExecutor() as ex3:
    f = ex3.submit(sum, [1, 2, 3])
print(f.result(), f.done())
try:
    ex3.submit(sum, [])
except RuntimeError as e:
    print("RuntimeError:", e)
