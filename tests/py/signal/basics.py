# signal: constants, signal()/getsignal() round trips, SIG_IGN, raise_signal,
# os.kill to this process, a handler that raises, and the argument errors.
import os
import signal

print("numbers:", signal.SIGHUP, signal.SIGINT, signal.SIGUSR1, signal.SIGUSR2,
      signal.SIGALRM, signal.SIGTERM, signal.NSIG)
print("SIG_DFL, SIG_IGN:", signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print("default_int_handler:", signal.default_int_handler.__name__)
print("SIGUSR2 at start is SIG_DFL:", signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL)

calls = []


def handler(signum, frame):
    calls.append(signum)
    print("  handler got", signum, "frame of", frame.f_code.co_name)


old = signal.signal(signal.SIGUSR1, handler)
print("old handler is SIG_DFL:", old == signal.SIG_DFL)
print("getsignal returns it:", signal.getsignal(signal.SIGUSR1) is handler)

print("raise_signal(SIGUSR1):")
signal.raise_signal(signal.SIGUSR1)
print("calls:", calls)


def send_to_self():
    os.kill(os.getpid(), signal.SIGUSR1)
    print("  after os.kill")


print("os.kill(getpid(), SIGUSR1):")
send_to_self()
print("calls:", calls)

old = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print("old is handler:", old is handler, "now ignored:", signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print("ignored signals, calls still:", calls)
print("back to SIG_DFL, old is SIG_IGN:", signal.signal(signal.SIGUSR1, signal.SIG_DFL) == signal.SIG_IGN)


def boom(signum, frame):
    raise RuntimeError("boom from signal %d" % signum)


signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except RuntimeError as e:
    print("raise_signal raised:", e)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    print("not reached")
except RuntimeError as e:
    print("os.kill raised:", e)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

print("default_int_handler raises:")
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("  KeyboardInterrupt", repr(e))
old = signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("raise_signal(SIGINT) -> KeyboardInterrupt")
signal.signal(signal.SIGINT, old)

for bad in (0, -1, signal.NSIG, 1000):
    try:
        signal.signal(bad, signal.SIG_DFL)
    except ValueError as e:
        print("signal(%d):" % bad, type(e).__name__, e)
    try:
        signal.getsignal(bad)
    except ValueError as e:
        print("getsignal(%d):" % bad, type(e).__name__, e)
for bad in (None, "handler", 2, 1.5):
    try:
        signal.signal(signal.SIGUSR1, bad)
    except TypeError as e:
        print("handler %r:" % (bad,), type(e).__name__, e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print("SIGKILL:", type(e).__name__, e)
print("SIGUSR1 still SIG_DFL:", signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
