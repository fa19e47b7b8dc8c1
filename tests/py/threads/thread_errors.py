# Misuse of Thread objects raises CPython's RuntimeErrors.
import threading

done = threading.Event()
t = threading.Thread(target=done.wait)
try:
    t.join()
except RuntimeError as e:
    print("join before start:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("daemon on active:", e)
done.set()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("restart finished:", e)

errors = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))


s = threading.Thread(target=join_self)
s.start()
s.join()
print("join self:", errors)
try:
    threading.main_thread().join()
except RuntimeError as e:
    print("join main from main:", e)
try:
    threading.Thread(group=object())
except AssertionError as e:
    print("group:", e)
