# Failing done-callbacks and initializers are logged on stderr.
import concurrent.futures as cf
from _support.tcap import run_capturing_stderr


def bad_callback(fut):
    raise ValueError("callback failed")


def with_callbacks():
    f = cf.Future()
    f.add_done_callback(bad_callback)
    f.add_done_callback(lambda fut: print("second callback still runs"))
    f.set_result(1)
    f.add_done_callback(bad_callback)


print(run_capturing_stderr(with_callbacks))


def bad_init():
    raise OSError("no init")


def broken_pool():
    ex = cf.ThreadPoolExecutor(1, initializer=bad_init)
    f = ex.submit(int)
    try:
        f.result()
    except cf.BrokenExecutor as e:
        print(type(e).__name__, e)
    try:
        ex.submit(int)
    except cf.BrokenExecutor as e:
        print("submit:", type(e).__name__, e)
    ex.shutdown()


print(run_capturing_stderr(broken_pool))
