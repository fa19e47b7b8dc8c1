# RLock: re-entrant for its owner, exclusive for the others.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
other = []


def try_take():
    other.append(r.acquire(blocking=False))
    other.append(r.acquire(timeout=0.01))


t = threading.Thread(target=try_take)
t.start()
t.join()
print(other)
r.release()
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

with r:
    with r:
        stolen = []
        t = threading.Thread(target=lambda: stolen.append(r.acquire(False)))
        t.start()
        t.join()
        print("inside nested with:", stolen)


def release_foreign():
    try:
        r.release()
    except RuntimeError as e:
        other.append(str(e))


r.acquire()
t = threading.Thread(target=release_foreign)
t.start()
t.join()
r.release()
print(other[-1])
total = 0


def add(n):
    global total
    for _ in range(n):
        with r:
            with r:
                total += 1


ts = [threading.Thread(target=add, args=(1500,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total)
