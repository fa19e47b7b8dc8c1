# signal: strsignal, valid_signals, alarm + pause, argument conversions as
# CPython's Python-level signal.signal does them (int() of its arguments).
import signal, time
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGUSR1), signal.strsignal(34))
v = signal.valid_signals()
print(len(v), min(v), max(v), 32 in v, 33 in v)
got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
print(signal.alarm(1))
print(signal.alarm(1))
signal.pause()
print("after pause", got)
print(signal.getsignal(signal.SIGALRM).__name__)
print(signal.getsignal(32), signal.getsignal(signal.SIGKILL) == signal.SIG_DFL)
print(signal.signal(2.0, signal.default_int_handler) is signal.default_int_handler)
try:
    signal.getsignal(2.0)
except TypeError as e:
    print("TypeError", e)
try:
    signal.signal(signal.SIGUSR1, "1")
    print("str '1' handler ->", signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
except TypeError as e:
    print("TypeError", e)
print(signal.SIGRTMIN, signal.SIGRTMAX, signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK)
