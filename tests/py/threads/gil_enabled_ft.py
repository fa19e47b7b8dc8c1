# tandem: flavour=ft -- the free-threaded flavour reports the GIL as disabled
import sys
import threading

# CPython 3.11 has no sys._is_gil_enabled and prints False through the
# default; the free-threaded Tandem must say False itself.
print("GIL enabled:", getattr(sys, "_is_gil_enabled", lambda: False)())
results = []
ts = [threading.Thread(target=lambda: results.append(getattr(sys, "_is_gil_enabled", lambda: False)()))
      for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("in threads:", results)
