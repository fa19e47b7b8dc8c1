# Executor.map: results in order, several iterables, errors and timeouts.
import concurrent.futures as cf
import threading

with cf.ThreadPoolExecutor(4) as ex:
    print(list(ex.map(abs, [-3, 2, -1, 0])))
    print(list(ex.map(pow, [2, 3, 4], [5, 2])))
    print(list(ex.map(lambda x: x, [])))
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    print(next(it), next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    gate = threading.Event()
    try:
        for r in ex.map(lambda x: gate.wait(5) and x, [1, 2], timeout=0.05):
            print("got", r)
    except TimeoutError as e:
        print("TimeoutError", type(e) is TimeoutError, cf.TimeoutError is TimeoutError)
    gate.set()
    print(list(ex.map(str, range(12), chunksize=4)))
