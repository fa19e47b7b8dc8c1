# Imported with `from _support.slow_names import ...` from many threads.
import time
import _support.counter as counter
counter.runs.append(__name__)
FIRST = "first"
time.sleep(0.1)
def last():
    return "last"
SECOND = "second"
