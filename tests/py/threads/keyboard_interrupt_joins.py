# An uncaught KeyboardInterrupt in the main thread is reported at once, but
# the process dies of SIGINT only after the non-daemon threads are joined
# (CPython: the report, then threading._shutdown, then exit by the signal).
import threading
import time

go = threading.Event()


def worker():
    go.wait()
    time.sleep(0.2)   # still running when the main thread's report is out
    print("worker finished")


t = threading.Thread(target=worker)
t.start()
print("main raising")
go.set()
raise KeyboardInterrupt
