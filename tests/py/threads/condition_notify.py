# Condition: producer/consumer hand-off with wait_for and notify.
import threading

cond = threading.Condition()
items = []
consumed = []
DONE = object()


def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: items)
            item = items.pop(0)
        if item is DONE:
            return
        consumed.append(item)


consumers = [threading.Thread(target=consumer) for _ in range(3)]
for c in consumers:
    c.start()
for i in range(300):
    with cond:
        items.append(i)
        cond.notify()
with cond:
    items.extend([DONE] * 3)
    cond.notify_all()
for c in consumers:
    c.join()
print(len(consumed), sum(consumed), sorted(consumed) == list(range(300)))
