# A real signal sent by another thread while the main thread waits for a
# lock: the wait is woken, the handler runs in the main thread, and the wait
# resumes (PEP 475) -- or, if the handler raises, acquire() raises it.
import os
import signal
import threading
import time

events = []


def handler(signum, frame):
    events.append("handler %d" % signum)


def boom(signum, frame):
    raise RuntimeError("boom %d" % signum)


def helper(lock, delay):
    time.sleep(delay)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(delay)
    events.append("releasing")
    lock.release()


signal.signal(signal.SIGUSR1, handler)
lock = threading.Lock()
lock.acquire()
t = threading.Thread(target=helper, args=(lock, 0.2))
t.start()
events.append("acquire -> %s" % lock.acquire())
t.join()
print(events)

# A timed acquire keeps its deadline across the handler call.
events.clear()
lock = threading.Lock()
lock.acquire()
t = threading.Thread(target=lambda: (time.sleep(0.1), os.kill(os.getpid(), signal.SIGUSR1)))
t.start()
start = time.monotonic()
got = lock.acquire(timeout=0.5)
waited = time.monotonic() - start
t.join()
print(events, "acquire(timeout=0.5) ->", got, "waited the whole timeout:", 0.45 < waited < 2.0)

# A handler that raises ends the wait with its exception.
signal.signal(signal.SIGUSR1, boom)
lock = threading.Lock()
lock.acquire()
t = threading.Thread(target=helper, args=(lock, 0.2))
t.start()
try:
    lock.acquire()
    print("acquired: not expected")
except RuntimeError as e:
    print("acquire raised:", e)
t.join()
print("lock released by the helper:", not lock.locked())

# The same for an RLock and for time.sleep.
signal.signal(signal.SIGUSR1, handler)
events.clear()
r = threading.RLock()
holder_ready = threading.Event()
release_it = threading.Event()


def holder():
    with r:
        holder_ready.set()
        release_it.wait()


h = threading.Thread(target=holder)
h.start()
holder_ready.wait()
t = threading.Thread(target=lambda: (time.sleep(0.1), os.kill(os.getpid(), signal.SIGUSR1),
                                     time.sleep(0.1), release_it.set()))
t.start()
events.append("RLock acquire -> %s" % r.acquire())
r.release()
t.join()
h.join()
print(events)

events.clear()
t = threading.Thread(target=lambda: (time.sleep(0.1), os.kill(os.getpid(), signal.SIGUSR1)))
t.start()
start = time.monotonic()
time.sleep(0.4)
slept = time.monotonic() - start
t.join()
print(events, "sleep resumed to its end:", 0.35 < slept < 2.0)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
