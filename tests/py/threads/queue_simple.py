# SimpleQueue: unbounded FIFO without task tracking.
import queue
import threading

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put(1)
sq.put_nowait(2)
sq.put(3, block=False, timeout=5)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(False), sq.empty())
try:
    sq.get_nowait()
except queue.Empty:
    print("empty")
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("empty after timeout")
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
got = []


def consume():
    for _ in range(500):
        got.append(sq.get())


c = threading.Thread(target=consume)
c.start()
for i in range(500):
    sq.put(i)
c.join()
print(got == list(range(500)), sq.empty())
print(hasattr(sq, "task_done"), hasattr(sq, "join"))
