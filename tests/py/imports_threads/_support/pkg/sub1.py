import time
import _support.counter as counter
from . import sub2
counter.runs.append(__name__)
time.sleep(0.05)
def total():
    return sub2.VALUE + 1
SUB1_DONE = True
