# A module whose body takes a while: threads that import it meanwhile must
# wait for the whole body, not see a half-initialised module.
import time
import _support.counter as counter
counter.runs.append(__name__)
VALUE = 42
time.sleep(0.05)
ITEMS = list(range(100))
time.sleep(0.05)
DONE = True
