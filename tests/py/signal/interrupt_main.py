# _thread.interrupt_main() from a helper thread while the main thread is
# blocked: the main thread raises KeyboardInterrupt (CPython: when the wait
# ends, since no real signal wakes it) in lock.acquire(), time.sleep() and
# Thread.join(); a Python SIGINT handler is called instead when set.
import _thread
import signal
import threading
import time

signal.signal(signal.SIGINT, signal.default_int_handler)


def later(delay, *actions):
    def run():
        for action in actions:
            time.sleep(delay)
            action()
    t = threading.Thread(target=run)
    t.start()
    return t


lock = threading.Lock()
lock.acquire()
t = later(0.2, _thread.interrupt_main, lock.release)
try:
    lock.acquire()
    time.sleep(0.5)
    print("lock: no interrupt")
except KeyboardInterrupt:
    print("lock.acquire: KeyboardInterrupt")
t.join()

t = later(0.1, _thread.interrupt_main)
try:
    time.sleep(0.4)
    time.sleep(0.5)
    print("sleep: no interrupt")
except KeyboardInterrupt:
    print("time.sleep: KeyboardInterrupt")
t.join()

t = later(0.1, _thread.interrupt_main, lambda: time.sleep(0.1))
try:
    t.join()
    time.sleep(0.5)
    print("join: no interrupt")
except KeyboardInterrupt:
    print("Thread.join: KeyboardInterrupt")
t.join()
print("helper alive:", t.is_alive())

got = []
signal.signal(signal.SIGINT, lambda signum, frame: got.append(signum))
t = later(0.1, _thread.interrupt_main)
t.join()
time.sleep(0.1)
print("Python handler called with:", got)

# interrupt_main for a signal left at SIG_DFL does nothing (CPython 3.11).
signal.signal(signal.SIGINT, signal.SIG_DFL)
_thread.interrupt_main()
time.sleep(0.05)
signal.signal(signal.SIGINT, signal.default_int_handler)
print("SIG_DFL: nothing happened")
