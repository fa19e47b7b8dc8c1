# mut_a and mut_b import each other; two threads start one each.
import time
import _support.counter as counter
counter.runs.append(__name__)
A_EARLY = "a-early"
time.sleep(0.2)
import _support.mut_b as b
SAW_B_COMPLETE = hasattr(b, "B_LATE")
A_LATE = "a-late"
