# An uncaught exception is reported to sys.stderr as the program left it
# (here an object that upper-cases what it gets onto stdout), not to the
# process's stderr.
import sys


class Shout:
    def write(self, s):
        sys.__stdout__.write(s.replace(__file__, "<this file>").upper())
        return len(s)

    def flush(self):
        pass


sys.stderr = Shout()
print("before")
raise ValueError("reported through the replaced stderr")
