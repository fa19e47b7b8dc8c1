# Shared list/dict mutated by many threads end with exact sizes.
import threading

shared = []
table = {}
lock = threading.Lock()


def producer(k):
    for i in range(1000):
        shared.append((k, i))
        with lock:
            table[(k, i)] = i


ts = [threading.Thread(target=producer, args=(k,)) for k in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), len(table), sum(table.values()))
print(sorted(shared) == sorted((k, i) for k in range(6) for i in range(1000)))
popped = []


def consumer():
    while True:
        try:
            item = shared.pop()
        except IndexError:
            return
        popped.append(item)


cs = [threading.Thread(target=consumer) for _ in range(4)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print(len(shared), len(popped), len(set(popped)))
