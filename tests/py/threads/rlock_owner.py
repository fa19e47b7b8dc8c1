# RLock owned by another thread: acquire fails or times out, release is refused.
import threading

r = threading.RLock()
print(type(r).__name__, r._is_owned())
text = repr(r)
print(text[:text.index(" at 0x")])
owned = threading.Event()
done = threading.Event()


def owner():
    r.acquire()
    r.acquire()
    owned.set()
    done.wait()
    r.release()
    r.release()


t = threading.Thread(target=owner)
t.start()
owned.wait()
text = repr(r)
print(text.startswith("<locked _thread.RLock object owner="), "count=2" in text)
print("owned by me:", r._is_owned())
print("non-blocking:", r.acquire(blocking=False))
print("timed out:", r.acquire(timeout=0.05))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
done.set()
print("blocking acquire:", r.acquire())
t.join()
print("owned by me:", r._is_owned(), r.acquire(), "count=2" in repr(r))
r.release()
r.release()
print(repr(r)[:repr(r).index(" at 0x")])
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
# Nested with-blocks release one level each.
with r:
    with r:
        pass
    print("one level left:", r._is_owned())
print("all released:", r._is_owned())
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(False)) or r.release())
t.start()
t.join()
print(got)
