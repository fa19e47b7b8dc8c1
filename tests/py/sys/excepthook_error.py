# A failing sys.excepthook: both errors are reported.
import sys

def hook(t, v, tb):
    raise KeyError("inner")

sys.excepthook = hook
raise ValueError("boom")
