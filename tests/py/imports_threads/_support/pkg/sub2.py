import time
import _support.counter as counter
counter.runs.append(__name__)
time.sleep(0.05)
VALUE = 20
SUB2_DONE = True
