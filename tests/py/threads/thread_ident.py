# ident/native_id/get_ident agree, and live threads have distinct idents.
import threading

main = threading.main_thread()
print(main.ident == threading.get_ident())
print(main.native_id == threading.get_native_id())
gate = threading.Barrier(4)
info = {}
lock = threading.Lock()


def record(key):
    with lock:
        info[key] = (threading.get_ident(), threading.get_native_id())
    gate.wait()  # keep all of them alive at once


threads = [threading.Thread(target=record, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
gate.wait()
for t in threads:
    t.join()
print(sorted(info))
print(all(info[i][0] == threads[i].ident for i in range(3)))
print(all(info[i][1] == threads[i].native_id for i in range(3)))
print(len(set(v[0] for v in info.values()) | {main.ident}))
print(len(set(v[1] for v in info.values()) | {main.native_id}))
