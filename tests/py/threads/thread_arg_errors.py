# Bad arguments to _thread / threading primitives raise CPython's exceptions and messages.
import _thread
import threading

lock = threading.Lock()
rlock = threading.RLock()
calls = [
    ("lock.acquire(timeout=None)", lambda: lock.acquire(timeout=None)),
    ("lock.acquire(1.5)", lambda: lock.acquire(1.5)),
    ("lock.acquire(blocking=None)", lambda: lock.acquire(blocking=None)),
    ("lock.acquire(timeout=nan)", lambda: lock.acquire(timeout=float("nan"))),
    ("lock.acquire(2**80)", lambda: lock.acquire(2 ** 80)),
    ("lock.acquire(timeout=2**80)", lambda: lock.acquire(timeout=2 ** 80)),
    ("lock.acquire(timeout=10**10)", lambda: lock.acquire(timeout=10 ** 10)),
    ("lock.acquire(timeout=1e10)", lambda: lock.acquire(timeout=1e10)),
    ("lock.acquire(foo=1)", lambda: lock.acquire(foo=1)),
    ("lock.release(1)", lambda: lock.release(1)),
    ("lock.locked(1)", lambda: lock.locked(1)),
    ("rlock.acquire(1, 2, 3)", lambda: rlock.acquire(1, 2, 3)),
    ("rlock.release(1)", lambda: rlock.release(1)),
    ("rlock._is_owned(1)", lambda: rlock._is_owned(1)),
    ("rlock._release_save()", lambda: rlock._release_save()),
    ("allocate_lock(1)", lambda: _thread.allocate_lock(1)),
    ("get_ident(1)", lambda: _thread.get_ident(1)),
    ("start_new_thread()", lambda: _thread.start_new_thread()),
    ("start_new_thread(x=1)", lambda: _thread.start_new_thread(print, (), x=1)),
    ("stack_size(1, 2)", lambda: _thread.stack_size(1, 2)),
    ("stack_size('a')", lambda: _thread.stack_size("a")),
    ("stack_size(-1)", lambda: _thread.stack_size(-1)),
    ("stack_size(1000)", lambda: _thread.stack_size(1000)),
    ("local(1)", lambda: threading.local(1)),
    ("excepthook()", lambda: threading.excepthook()),
    ("excepthook(tuple)", lambda: threading.excepthook((1, 2, 3, 4))),
    ("ExceptHookArgs(5)", lambda: threading.ExceptHookArgs(5)),
    ("ExceptHookArgs()", lambda: threading.ExceptHookArgs()),
    ("ExceptHookArgs(5 items)", lambda: threading.ExceptHookArgs([1, 2, 3, 4, 5])),
    ("Semaphore(-1)", lambda: threading.Semaphore(-1)),
    ("Thread(group=1)", lambda: threading.Thread(group=1)),
]
for label, call in calls:
    try:
        result = call()
        print(label, "->", result)
    except (TypeError, ValueError, OverflowError, RuntimeError, AssertionError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("lock still free:", lock.locked(), rlock._is_owned())
print(_thread.stack_size(1 << 20), _thread.stack_size(), _thread.stack_size(0))
print(threading.ExceptHookArgs("abcd"))
