# Lock: blocking and timed acquire against another thread, errors, with, repr.
import threading

lock = threading.Lock()
print(type(lock).__name__, type(lock).__module__, type(lock) is type(threading.Lock()))
r = repr(lock)
print(r[:r.index(" at 0x")], r.endswith(">"))
held = threading.Event()
release = threading.Event()


def holder():
    with lock:
        held.set()
        release.wait()


t = threading.Thread(target=holder)
t.start()
held.wait()
print("held by other:", lock.locked(), repr(lock).startswith("<locked _thread.lock"))
print("non-blocking:", lock.acquire(blocking=False), lock.acquire(False))
print("timed out:", lock.acquire(timeout=0.05), lock.acquire(True, 0.01), lock.acquire(timeout=0))
release.set()
print("blocking acquire waits for the release:", lock.acquire())
t.join()
lock.release()
print("free again:", lock.locked())
for args, kwargs in [((), {"timeout": -2}), ((False, 1), {}), ((), {"blocking": False, "timeout": 0.5}),
                     ((1, 2, 3), {}), ((), {"timeout": 1e100})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print("locked after bad calls:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e, type(e) is threading.ThreadError)
try:
    with lock:
        print("inside with:", lock.locked())
        raise KeyError("boom")
except KeyError:
    print("with released on error:", lock.locked())
print(lock.__enter__(), lock.locked(), lock.__exit__(None, None, None), lock.locked())
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
# A lock taken in one thread may be released by another.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by other thread:", lock.locked())
