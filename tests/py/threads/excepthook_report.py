# The default excepthook report, exactly: name line, traceback, chained causes; SystemExit is silent.
import sys
import threading
from _support.tcap import run_capturing_stderr


def chained():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


def context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")


class ExitSub(SystemExit):
    pass


def exit_sub():
    raise ExitSub(2)


def run(target, name=None, args=()):
    t = threading.Thread(target=target, name=name, args=args)
    t.start()
    t.join()


print(run_capturing_stderr(run, chained, "chain"))
print(run_capturing_stderr(run, context, "ctx"))
print(repr(run_capturing_stderr(run, sys.exit, "exit0", (0,))))
print(repr(run_capturing_stderr(run, sys.exit, "exit-msg", ("message",))))
# Only SystemExit itself is silent: a subclass is reported.
print(run_capturing_stderr(run, exit_sub, "sub"))


def no_name_report():
    args = threading.ExceptHookArgs([KeyError, KeyError("x"), None, None])
    threading.excepthook(args)


print(run_capturing_stderr(no_name_report).replace(str(threading.get_ident()), "IDENT"))
try:
    threading.excepthook((1, 2, 3, 4))
except TypeError as e:
    print("TypeError:", e)
