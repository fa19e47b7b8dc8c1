# Two threads import two modules that import each other: thread 1 runs
# mut_a's body (which imports mut_b) while thread 2 runs mut_b's body
# (which imports mut_a).  Waiting for each other would deadlock, so, as in
# CPython, the thread that would close the cycle gets the other module
# partially initialised: exactly one of the two bodies sees its partner
# incomplete, both finish, and each body runs once.
import threading
import _support.counter as counter

barrier = threading.Barrier(2)
done = []


def worker(name):
    barrier.wait()
    if name == "a":
        import _support.mut_a
    else:
        import _support.mut_b
    done.append(name)


threads = [threading.Thread(target=worker, args=(n,)) for n in "ab"]
for t in threads:
    t.start()
for t in threads:
    t.join()
import _support.mut_a as a
import _support.mut_b as b
print("finished:", sorted(done))
print("body runs:", counter.runs.count("_support.mut_a"), counter.runs.count("_support.mut_b"))
print("saw partner complete:", sorted([a.SAW_B_COMPLETE, b.SAW_A_COMPLETE]))
print("complete now:", a.A_LATE, b.B_LATE, a.b is b, b.a is a)
