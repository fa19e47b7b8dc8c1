# Module-level names: __all__, constants, trace/profile hooks.
import threading

print(sorted(threading.__all__))
print(threading.TIMEOUT_MAX > 1000000, type(threading.TIMEOUT_MAX).__name__)
print(threading.stack_size())
print(threading.gettrace(), threading.getprofile())


def tracer(frame, event, arg):
    return tracer


threading.settrace(tracer)
threading.setprofile(print)
print(threading.gettrace() is tracer, threading.getprofile() is print)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())
print(threading.get_ident() == threading.main_thread().ident)
print(callable(threading.RLock), threading.Lock is not None)
print(all(hasattr(threading, name) for name in threading.__all__))
