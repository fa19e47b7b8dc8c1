# threading._dangling: a WeakSet of every Thread object still alive
# (test.support's threading_helper reads it around each test)
import gc
import threading
t = threading.Thread(target=lambda: None, name="worker")
print(t in threading._dangling, type(threading._dangling).__name__)
t.start()
t.join()
print(threading.main_thread() in threading._dangling)
del t
gc.collect()
print(sorted(th.name for th in threading._dangling))
