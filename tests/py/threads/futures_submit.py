# ThreadPoolExecutor.submit and the Future it returns.
import concurrent.futures as cf
from _support.tcap import mask_addresses


def square(x, plus=0):
    return x * x + plus


def fail():
    raise ZeroDivisionError("nope")


with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(square, 7, plus=1)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(mask_addresses(repr(f)))
    g = ex.submit(fail)
    print(type(g.exception()).__name__, g.exception())
    try:
        g.result()
    except ZeroDivisionError as e:
        print("result re-raises:", e)
    print(mask_addresses(repr(g)))
    h = ex.submit(str)
    h.result()
    print(mask_addresses(repr(h)))
    n = ex.submit(lambda: None)
    n.result()
    print(mask_addresses(repr(n)))
    futures = [ex.submit(square, i) for i in range(50)]
    print(sum(fu.result() for fu in futures))
print(f.cancel(), f.cancelled())
