# At exit sys.stdout is flushed; a flush that fails is reported as
# "Exception ignored in: <stream>" and the exit status is 120, as CPython's
# flush_std_files and Py_RunMain.
import sys
print("before the replaced stdout")
sys.stdout.flush()
sys.stdout = open("/dev/full", "w")
print("lost: /dev/full has no space")
