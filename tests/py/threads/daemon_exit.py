# Daemon threads blocked forever (lock, sleep, condition, queue, join) or busy do not block exit.
import queue
import threading
import time

held = threading.Lock()
held.acquire()
cond = threading.Condition()
q = queue.Queue()
started = threading.Semaphore(0)
stop_never = threading.Event()


def blocked_in_lock():
    started.release()
    held.acquire()


def sleeping():
    started.release()
    time.sleep(1000)


def in_condition():
    with cond:
        started.release()
        cond.wait()


def in_queue():
    started.release()
    q.get()


def busy():
    started.release()
    n = 0
    while not stop_never.is_set():
        n += 1


def joins_forever(other):
    started.release()
    other.join()


targets = [blocked_in_lock, sleeping, in_condition, in_queue, busy]
threads = [threading.Thread(target=f, daemon=True, name=f.__name__) for f in targets]
threads.append(threading.Thread(target=joins_forever, args=(threads[0],), daemon=True, name="joiner"))
for t in threads:
    t.start()
for _ in threads:
    started.acquire()
print(sorted(t.name for t in threading.enumerate() if t.daemon))
print(all(t.is_alive() for t in threads), threading.active_count())
print("main ends")
