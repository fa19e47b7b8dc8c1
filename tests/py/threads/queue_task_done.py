# Queue.join waits until task_done() was called for every item.
import queue
import threading

q = queue.Queue()
processed = []
lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            processed.append(item * 2)
        q.task_done()


ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts:
    t.start()
for i in range(200):
    q.put(i)
q.join()
print(len(processed), sum(processed), q.unfinished_tasks)
for _ in ts:
    q.put(None)
q.join()
for t in ts:
    t.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
print(q.unfinished_tasks)
