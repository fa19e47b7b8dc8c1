# With sys.stderr set to None an uncaught exception prints nothing (exit 1).
import sys

print("before")
sys.stderr = None
raise ValueError("not printed")
