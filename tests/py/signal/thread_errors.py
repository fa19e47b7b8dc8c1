# signal: only the main thread may set handlers; getsignal works anywhere;
# a handler always runs in the main thread.
import os
import signal
import threading

results = []


def worker():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
        results.append("signal() worked in a thread")
    except ValueError as e:
        results.append("ValueError: %s" % e)
    results.append("getsignal in thread is SIG_DFL: %s" % (signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL))


t = threading.Thread(target=worker)
t.start()
t.join()
for line in results:
    print(line)

ran_in = []


def handler(signum, frame):
    ran_in.append(threading.current_thread() is threading.main_thread())


signal.signal(signal.SIGUSR1, handler)


def sender():
    os.kill(os.getpid(), signal.SIGUSR1)


t = threading.Thread(target=sender)
t.start()
t.join()
# The main thread runs the handler at its next check point, at the latest
# in this loop.
for i in range(1000):
    if ran_in:
        break
    threading.Event().wait(0.01)
print("handler ran once, in the main thread:", ran_in)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
