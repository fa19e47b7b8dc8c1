# Calling the default hook directly prints to stderr; the program goes on.
import sys

try:
    1 / 0
except ZeroDivisionError:
    sys.excepthook(*sys.exc_info())
print("after")
sys.__excepthook__(ValueError, ValueError("x"), None)
print("end")
