# The low-level _thread module: start_new_thread, locks, idents, errors, dummy threads.
import _thread
import threading

done = _thread.allocate_lock()
done.acquire()
out = {}


def work(a, b, c=0):
    out["sum"] = a + b + c
    out["ident"] = _thread.get_ident()
    me = threading.current_thread()
    out["dummy"] = (type(me).__name__, me.name, me.daemon, me.is_alive(), me.ident == out["ident"])
    done.release()


ident = _thread.start_new_thread(work, (1, 2), {"c": 3})
done.acquire()
print(out["sum"], type(ident) is int, ident == out["ident"], ident != _thread.get_ident())
print(out["dummy"])
for args in [(1, ()), (work, [1, 2]), (work, (1, 2), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
print(_thread.error is RuntimeError, _thread.LockType is type(_thread.allocate_lock()))
print(type(_thread.TIMEOUT_MAX).__name__, _thread.stack_size())
try:
    _thread.stack_size(1000)
except ValueError as e:
    print("ValueError:", e)
print(type(_thread.get_native_id()) is int, _thread.get_ident() == threading.get_ident())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned(), type(r).__name__)
loc = _thread._local()
loc.x = 1
print(loc.x, loc.__dict__, type(loc).__name__)
