# Threads started while the interpreter waits at exit are waited for too.
import threading

lock = threading.Lock()
log = []
main_done = threading.Event()


def child(depth):
    main_done.wait()
    with lock:
        log.append(depth)
    if depth < 5:
        threading.Thread(target=child, args=(depth + 1,)).start()
    else:
        with lock:
            print("deepest child", sorted(log))


threading.Thread(target=child, args=(1,)).start()
print("main done")
main_done.set()
