# concurrent.futures.wait with each return_when.
import concurrent.futures as cf
import threading

ex = cf.ThreadPoolExecutor(3)
gate = threading.Event()
quick = ex.submit(lambda: "quick")
slow = ex.submit(lambda: gate.wait(5) and "slow")
quick.result()
done, not_done = cf.wait([quick, slow], return_when=cf.FIRST_COMPLETED)
print(done == {quick}, not_done == {slow})
res = cf.wait([quick, slow], timeout=0.05)
print(res.done == {quick}, res.not_done == {slow}, type(res).__name__)
bad = ex.submit(lambda: 1 / 0)
bad.exception()
res = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
print(res.done == {bad}, res.not_done == {slow})
res = cf.wait([slow, quick], return_when=cf.FIRST_EXCEPTION, timeout=0.05)
print(sorted(f.result() for f in res.done), len(res.not_done))
gate.set()
res = cf.wait([quick, slow, bad])
print(len(res.done), res.not_done)
print(cf.wait([]))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
# Blocking wait that gets woken up by completions.
gate2 = threading.Event()
later = [ex.submit(lambda i=i: gate2.wait(5) and i) for i in range(3)]
threading.Timer(0.02, gate2.set).start()
res = cf.wait(later, return_when=cf.ALL_COMPLETED)
print(sorted(f.result() for f in res.done))
ex.shutdown()
