# A replaced sys.excepthook receives uncaught exceptions.
import sys

def hook(t, v, tb):
    print("hook:", t.__name__, v, type(tb).__name__, tb.tb_lineno)

sys.excepthook = hook
print("start")
raise ValueError("boom")
