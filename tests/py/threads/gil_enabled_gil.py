# tandem: flavour=gil -- the gil flavour reports the GIL as enabled
import sys
import threading

# CPython 3.11 has no sys._is_gil_enabled; it runs with a GIL, so True.
print("GIL enabled:", getattr(sys, "_is_gil_enabled", lambda: True)())
results = []
ts = [threading.Thread(target=lambda: results.append(getattr(sys, "_is_gil_enabled", lambda: True)()))
      for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("in threads:", results)
