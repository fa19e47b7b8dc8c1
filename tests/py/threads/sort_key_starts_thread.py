# list.sort's key function starts the program's first thread, which
# mutates the list while the sort is still running (the key function waits
# for it).  In ft this is the moment critical sections stop being free
# (single-thread mode ends inside the sort's own section); in every flavour
# the sort must notice the mutation and raise CPython's ValueError, and
# nothing may crash.
import threading

lst = list(range(2000, 0, -1))
first_append = threading.Event()
started = []


def mutate():
    # Mutations that end before the sort does, so that the outcome is
    # deterministic: the sort then puts back its own sorted items.
    for i in range(1000):
        lst.append(i)
        lst.pop()
    lst.append(-1)
    first_append.set()


def key(x):
    if not started:
        t = threading.Thread(target=mutate)
        started.append(t)
        t.start()
        first_append.wait()
    return x


try:
    lst.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
started[0].join()
print(len(lst), sorted(lst) == list(range(1, 2001)))
