# sys.exit() in the main thread still waits for non-daemon threads; the exit status is kept.
import sys
import threading
import time

go = threading.Event()
done = [go] + [threading.Event() for _ in range(3)]


def worker(i):
    done[i - 1].wait()  # worker i runs after worker i-1: deterministic order
    time.sleep(0.02)
    print("worker", i, "done; main alive:", threading.main_thread().is_alive())
    done[i].set()


for i in range(1, 4):
    threading.Thread(target=worker, args=(i,)).start()
print("main calls sys.exit(3)")
go.set()
sys.exit(3)
