# An exception escaping run() is reported on stderr by threading.excepthook.
import threading
from _support.tcap import run_capturing_stderr


def fail(n):
    raise ValueError("bad value %d" % n)


def go():
    t = threading.Thread(target=fail, args=(3,), name="failing")
    t.start()
    t.join()
    print("alive after failure:", t.is_alive())
    u = threading.Thread(target=fail, args=(4,))
    u.start()
    u.join()


print(run_capturing_stderr(go))
print(threading.excepthook is threading.__excepthook__)


class Sub(threading.Thread):
    def run(self):
        {}["missing"]


def run_sub():
    s = Sub(name="sub")
    s.start()
    s.join()


print(run_capturing_stderr(run_sub))
