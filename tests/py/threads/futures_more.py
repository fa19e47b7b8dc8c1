# ThreadPoolExecutor and Future: exact counts, timeouts, callbacks, as_completed/wait edge cases.
import concurrent.futures as cf
import threading

lock = threading.Lock()
count = [0]


def bump(n):
    for _ in range(n):
        with lock:
            count[0] += 1
    return n


with cf.ThreadPoolExecutor(max_workers=8) as ex:
    futures = [ex.submit(bump, 1000) for _ in range(40)]
    print("results:", sum(f.result() for f in futures), "count:", count[0])
gate = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=2)
started = threading.Event()
running = ex.submit(lambda: started.set() or gate.wait(30) and "finished")
started.wait()
for call in (lambda: running.result(timeout=0.02), lambda: running.exception(timeout=0)):
    try:
        call()
    except TimeoutError as e:
        print("TimeoutError", repr(e), type(e) is cf.TimeoutError)
print("running:", running.running(), "cancel:", running.cancel(), running.cancelled())
callback_threads = []
callback_done = threading.Event()


def callback(f):
    callback_threads.append(threading.current_thread() is not threading.main_thread())
    callback_done.set()


running.add_done_callback(callback)
try:
    for f in cf.as_completed([running], timeout=0.02):
        pass
except TimeoutError as e:
    print("as_completed:", e)
done, not_done = cf.wait([running], timeout=0.02, return_when=cf.FIRST_COMPLETED)
print("wait timed out:", len(done), len(not_done))
gate.set()
print(running.result(timeout=30), callback_done.wait(30), "callback ran in the worker:", callback_threads)
ok = [ex.submit(pow, 2, i) for i in range(5)]
res = cf.wait(ok, return_when=cf.FIRST_EXCEPTION)  # no exception: waits for all
print("first_exception without errors:", len(res.done), len(res.not_done))
ex.shutdown(wait=False)
try:
    ex.submit(int)
except RuntimeError as e:
    print("RuntimeError:", e)
print([f.result() for f in ok])
ex.shutdown(wait=True)
