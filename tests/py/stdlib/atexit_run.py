# atexit: callbacks run at exit last-registered first, with their
# arguments; unregister removes every registration of a function; an error
# in a callback is reported and the next one still runs; exit status 0.
import atexit
import sys

def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))

class Raiser:
    # a callable with a repr free of addresses, for the error reports
    def __init__(self, exc):
        self.exc = exc
    def __repr__(self):
        return "<Raiser %r>" % (self.exc,)
    def __call__(self):
        raise self.exc

fails = Raiser(ValueError("callback failed"))
exits = Raiser(SystemExit(3))

def dropped():
    print("dropped: never runs")

n0 = atexit._ncallbacks()
print(atexit.register(show, 1) is show)
atexit.register(dropped)
atexit.register(fails)
atexit.register(show, 2, key="v")
atexit.register(exits)
atexit.register(dropped)
print("registered", atexit._ncallbacks() - n0)
print(atexit.unregister(dropped))
print("after unregister", atexit._ncallbacks() - n0)
atexit.unregister(print)            # not registered: nothing happens

@atexit.register
def decorated():
    print("decorated runs first")
    sys.stdout.flush()
print("end of program")
