# A custom threading.excepthook receives ExceptHookArgs.
import threading

reports = []


def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value),
                    args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook


def fail():
    raise KeyError("k")


t = threading.Thread(target=fail, name="t1")
t.start()
t.join()
print(reports)
a = threading.ExceptHookArgs([ValueError, ValueError("x"), None, None])
print(a.exc_type, a.exc_value, a.exc_traceback, a.thread, len(a))
print(type(a).__name__)
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError:", e)
threading.excepthook = threading.__excepthook__


def quiet_exit():
    raise SystemExit(3)


# SystemExit ends the thread silently (with the default hook too).
s = threading.Thread(target=quiet_exit)
s.start()
s.join()
print("after SystemExit:", s.is_alive())
