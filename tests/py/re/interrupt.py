# A catastrophic match stays interruptible: a signal arriving during it runs
# its handler, whose exception (KeyboardInterrupt, as Ctrl-C's) ends the match.
import re, signal

signal.signal(signal.SIGALRM, signal.default_int_handler)
signal.alarm(1)
try:
    re.match(r"(x+x+)+y", "x" * 64)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(re.match(r"(x+x+)+y", "xxxy").span())
