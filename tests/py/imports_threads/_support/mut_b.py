# mut_a and mut_b import each other; two threads start one each.
import time
import _support.counter as counter
counter.runs.append(__name__)
B_EARLY = "b-early"
time.sleep(0.2)
import _support.mut_a as a
SAW_A_COMPLETE = hasattr(a, "A_LATE")
B_LATE = "b-late"
