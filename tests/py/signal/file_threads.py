# File objects shared by threads (their I/O lock): whole-line writes from
# four threads to one binary file (CPython's text files are not safe for
# concurrent writes; its buffered binary ones are), and a reader thread racing close() -- the
# reader must stop with ValueError, never use the freed stream.
import os
import threading
import time

path = "/tmp/tandem_file_threads_%d.txt" % os.getpid()
f = open(path, "wb")


def writer(tag):
    for i in range(500):
        f.write(("%s %d\n" % (tag, i)).encode())


threads = [threading.Thread(target=writer, args=(tag,)) for tag in "abcd"]
for t in threads:
    t.start()
for t in threads:
    t.join()
f.close()
with open(path) as g:
    lines = g.readlines()
print("lines:", len(lines))
print("all whole:", all(len(line.split()) == 2 and line.endswith("\n") for line in lines))
print("per writer:", [(tag, sum(1 for line in lines if line.startswith(tag + " "))) for tag in "abcd"])
print("each in order:", all([int(line.split()[1]) for line in lines if line.startswith(tag)] == list(range(500))
                            for tag in "abcd"))

g = open(path)
stopped = []


def reader():
    try:
        while True:
            if g.readline() == "":
                g.seek(0)
    except ValueError as e:
        stopped.append(type(e).__name__)


r = threading.Thread(target=reader)
r.start()
time.sleep(0.05)
g.close()
r.join()
print("reader stopped with:", stopped, "closed:", g.closed)

out = open(path, "w")
closer_done = []


def scribbler():
    try:
        while True:
            out.write("x" * 100 + "\n")
    except ValueError as e:
        closer_done.append(type(e).__name__)


s = threading.Thread(target=scribbler)
s.start()
time.sleep(0.05)
out.close()
s.join()
print("writer stopped with:", closer_done)
os.remove(path)
