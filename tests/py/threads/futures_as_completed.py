# as_completed yields futures in finishing order; a timeout raises.
import concurrent.futures as cf
import threading

futures = [cf.Future() for _ in range(4)]
names = {f: "f%d" % i for i, f in enumerate(futures)}
futures[2].set_result("two")  # already done: yielded first
order = []


def finisher():
    for i in (0, 3, 1):
        futures[i].set_result(i)


it = cf.as_completed(futures + [futures[0]])  # duplicates are ignored
first = next(it)
order.append(names[first])
t = threading.Thread(target=finisher)
t.start()
for f in it:
    order.append(names[f])
t.join()
print(order[0], sorted(order), len(order))
pending = [cf.Future(), cf.Future()]
pending[0].set_result(1)
seen = []
try:
    for f in cf.as_completed(pending, timeout=0.05):
        seen.append(f.result())
except TimeoutError as e:
    print("TimeoutError:", e, seen)
with cf.ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(pow, 3, i) for i in range(20)]
    print(sorted(f.result() for f in cf.as_completed(fs)) == [3 ** i for i in range(20)])
