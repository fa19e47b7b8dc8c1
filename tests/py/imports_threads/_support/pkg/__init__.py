# A slow package whose submodules are imported from many threads.
import time
import _support.counter as counter
counter.runs.append(__name__)
time.sleep(0.05)
PKG_DONE = True
