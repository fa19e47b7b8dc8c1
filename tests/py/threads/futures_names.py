# Worker thread names, max_workers, initializer.
import concurrent.futures as cf
import os
import threading

ex = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool")
print(ex.submit(lambda: threading.current_thread().name).result())
ex.shutdown()
ex = cf.ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))
name = ex.submit(lambda: threading.current_thread().name).result()
print(name.startswith("ThreadPoolExecutor-"), name.endswith("_0"))
ex.shutdown()
for bad in (0, -1):
    try:
        cf.ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    cf.ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)
state = threading.local()
calls = []


def init(tag):
    state.tag = tag
    calls.append(tag)


with cf.ThreadPoolExecutor(2, initializer=init, initargs=("ready",)) as ex:
    print(ex.submit(lambda: state.tag).result())
print(calls[0])
# Tandem has no ProcessPoolExecutor.
print(sorted(set(cf.__all__) - {"ProcessPoolExecutor"}))
