# An exception escaping a thread's target is reported (stderr) and the program goes on: exit 0.
import threading


def fail():
    raise ValueError("in thread")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print("main goes on; thread alive:", t.is_alive())
u = threading.Thread(target=lambda: 1 / 0)
u.start()
u.join()
print("second failure reported too")
