# At exit the interpreter waits for non-daemon threads, not for daemon ones.
import threading
import time

go = threading.Event()


def late():
    go.wait()
    time.sleep(0.2)
    print("worker finished after main")


def forever():
    threading.Event().wait()


threading.Thread(target=late).start()
threading.Thread(target=forever, daemon=True).start()


def join_main():
    threading.main_thread().join()
    print("main thread joined:", threading.main_thread().is_alive())


threading.Thread(target=join_main).start()
go.set()
print("main body done", threading.active_count())
