# Several producers and consumers through a bounded queue: nothing lost.
import queue
import threading

q = queue.Queue(maxsize=10)
results = []
lock = threading.Lock()


def producer(k):
    for i in range(250):
        q.put(k * 1000 + i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        with lock:
            results.append(item)


producers = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(len(results), sum(results), len(set(results)), q.empty())
