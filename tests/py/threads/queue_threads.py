# Every queue class under threads: blocking, timeouts, maxsize, task_done/join.
import queue
import threading

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(maxsize=3)
    for i in (5, 1, 3):
        q.put(i)
    try:
        q.put(9, timeout=0.02)
    except queue.Full:
        print(cls.__name__, "full after timeout, size", q.qsize(), q.full())
    got = []
    consumer = threading.Thread(target=lambda: got.extend(q.get() for _ in range(6)))
    consumer.start()
    for i in (4, 2, 6):
        q.put(i, timeout=30)  # blocks until the consumer makes room
    consumer.join()
    print(cls.__name__, "got", len(got), sorted(got), q.empty())
    try:
        q.get(timeout=0.02)
    except queue.Empty:
        print(cls.__name__, "empty after timeout")
# task_done/join across several workers on a LifoQueue.
lq = queue.LifoQueue()
total = [0]
lock = threading.Lock()


def worker():
    while True:
        item = lq.get()
        if item is None:
            lq.task_done()
            return
        with lock:
            total[0] += item
        lq.task_done()


workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(1000):
    lq.put(i)
lq.join()
print("after join:", total[0], lq.unfinished_tasks)
for _ in workers:
    lq.put(None)
for w in workers:
    w.join()
# SimpleQueue: a blocked get() is woken by a put() from another thread.
sq = queue.SimpleQueue()
res = []
getter = threading.Thread(target=lambda: res.append(sq.get(timeout=30)))
getter.start()
sq.put("hello")
getter.join()
print("simple:", res, sq.empty())
# PriorityQueue fed by 4 producers comes out sorted.
pq = queue.PriorityQueue()
producers = [threading.Thread(target=lambda k=k: [pq.put((i * 4 + k) % 997) for i in range(500)])
             for k in range(4)]
for p in producers:
    p.start()
for p in producers:
    p.join()
out = [pq.get_nowait() for _ in range(pq.qsize())]
print("priority:", len(out), out == sorted(out), out[:5])
