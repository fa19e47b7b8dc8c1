# Builtin containers shared by 8 threads without a lock end with exact sizes.
import threading

N_THREADS = 8
N_ITEMS = 10000
shared = []
table = {}
seen = set()


def append_all(k):
    for i in range(N_ITEMS):
        shared.append(i)
        table[k * N_ITEMS + i] = k
        seen.add(k * N_ITEMS + i)


def run(target, args_list):
    ts = [threading.Thread(target=target, args=args) for args in args_list]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


run(append_all, [(k,) for k in range(N_THREADS)])
print("appended:", len(shared), sum(shared) == N_THREADS * sum(range(N_ITEMS)))
print("dict:", len(table), sum(table.values()) == N_ITEMS * sum(range(N_THREADS)))
print("set:", len(seen))
popped = [[] for _ in range(N_THREADS)]


def pop_all(k):
    mine = popped[k]
    while True:
        try:
            mine.append(shared.pop())
        except IndexError:
            return


run(pop_all, [(k,) for k in range(N_THREADS)])
print("popped:", sum(len(p) for p in popped), "left:", len(shared))
print("same items:", sorted(x for p in popped for x in p) == sorted(list(range(N_ITEMS)) * N_THREADS))


def delete_mine(k):
    for i in range(N_ITEMS):
        del table[k * N_ITEMS + i]
        seen.discard(k * N_ITEMS + i)


run(delete_mine, [(k,) for k in range(N_THREADS)])
print("after deletes:", len(table), len(seen))
