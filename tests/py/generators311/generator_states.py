def g():
    yield 1
    yield 2

it = g()
print(it.gi_running, it.__name__, it.__qualname__)
print(next(it))
list(it)
def self_ref():
    yield me.gi_running
me = self_ref()
print(next(me))
def reenter():
    yield next(r)
r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError", e)
