# queue.Queue: FIFO order, sizes, non-blocking and timed operations.
import queue

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full())
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(3)], q.get_nowait(), q.get(block=False))
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), type(e).__module__, type(e).__qualname__)
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
b = queue.Queue(maxsize=2)
b.put("a")
b.put_nowait("b")
print(b.full(), b.qsize())
try:
    b.put_nowait("c")
except queue.Full as e:
    print("Full", repr(e), type(e).__module__)
try:
    b.put("c", timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    b.put("c", True, -0.5)
except ValueError as e:
    print("ValueError:", e)
print(b.get(), b.get())
print(sorted(queue.__all__))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
# Many items through one queue keep their order.
q2 = queue.Queue()
for i in range(10000):
    q2.put(i)
out = [q2.get() for _ in range(10000)]
print(out == list(range(10000)), q2.empty())
q2.put("x")
print(len(q2.queue), list(q2.queue))
