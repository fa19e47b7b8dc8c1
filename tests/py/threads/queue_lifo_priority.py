# LifoQueue and PriorityQueue orders.
import queue

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)], lq.empty())
pq = queue.PriorityQueue()
for prio, name in [(3, "c"), (1, "a"), (5, "e"), (2, "b"), (4, "d"), (1, "a2")]:
    pq.put((prio, name))
print([pq.get_nowait() for _ in range(6)])
# A scrambled sequence with duplicates comes out sorted.
values = [(i * 7919) % 1009 for i in range(3000)]
for v in values:
    pq.put(v)
out = []
while not pq.empty():
    out.append(pq.get())
print(out == sorted(values), len(out))
bp = queue.PriorityQueue(maxsize=1)
bp.put(1)
try:
    bp.put_nowait(0)
except queue.Full:
    print("priority queue full")
try:
    queue.LifoQueue().get_nowait()
except queue.Empty:
    print("lifo empty")
