# atexit: _run_exitfuncs runs and clears the callbacks, _clear drops them,
# a callback registered while they run is not called; argument errors.
import atexit

log = []
def add(x):
    log.append(x)
def late():
    log.append("late")
def registers():
    log.append("registers")
    atexit.register(late)

atexit._clear()
atexit.register(add, 1)
atexit.register(registers)
atexit.register(add, 2)
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print(log, atexit._ncallbacks())
atexit.register(add, 3)
atexit._clear()
atexit._run_exitfuncs()
print(log, atexit._ncallbacks())

class Eq:
    def __eq__(self, other):
        return True
atexit.register(add, 4)
atexit.register(late)
atexit.unregister(Eq())        # == against every registered function
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print(log)

for call in [lambda: atexit.register(), lambda: atexit.register(1), lambda: atexit.register("f"),
             lambda: atexit.unregister(), lambda: atexit.unregister(1, 2),
             lambda: atexit._ncallbacks(1), lambda: atexit._clear(1), lambda: atexit._run_exitfuncs(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

class BadEq:
    def __eq__(self, other):
        raise RuntimeError("eq failed")
atexit.register(add, 5)
try:
    atexit.unregister(BadEq())
except RuntimeError as e:
    print("RuntimeError", e)
atexit._clear()
