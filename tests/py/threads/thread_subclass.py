# Subclassing Thread and overriding run(); calling Thread.__init__ is required.
import threading


class Summer(threading.Thread):
    def __init__(self, values):
        super().__init__(name="summer")
        self.values = values
        self.total = None

    def run(self):
        self.total = sum(self.values)


workers = [Summer(range(i * 100)) for i in range(1, 5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])
print([w.name for w in workers])


class NoInit(threading.Thread):
    def __init__(self):
        pass


n = NoInit()
try:
    n.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    n.join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    n.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)


class Both(threading.Thread):
    def run(self):
        print("run override called with target", self._target is not None)


b = Both(target=print, args=("target ignored",))
b.start()
b.join()
