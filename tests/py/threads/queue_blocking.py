# A full queue blocks put() until a get() makes room, and vice versa.
import queue
import threading

q = queue.Queue(maxsize=1)
q.put("first")
log = []


def slow_put():
    q.put("second")  # blocks until the main thread takes "first"
    log.append("put done")


t = threading.Thread(target=slow_put)
t.start()
t.join(0.05)
print(t.is_alive(), log)
print(q.get())
t.join()
print(log, q.get())
got = []


def slow_get():
    got.append(q.get())


g = threading.Thread(target=slow_get)
g.start()
g.join(0.05)
print(g.is_alive(), got)
q.put("late")
g.join()
print(got, q.empty())
