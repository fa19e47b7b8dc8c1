# active_count() and enumerate() follow threads from start to end.
import threading

print(threading.active_count(), [t.name for t in threading.enumerate()])
release = threading.Event()
ready = threading.Semaphore(0)


def hold():
    ready.release()
    release.wait()


threads = [threading.Thread(target=hold, name="h%d" % i) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    ready.acquire()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
print(all(t in threading.enumerate() for t in threads))
release.set()
for t in threads:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print([t.is_alive() for t in threads])
