def g():
    yield 1
it = g()
print(it.gi_frame is not None)
next(it)
print(it.gi_frame.f_lineno if it.gi_frame else None)
list(it)
print(it.gi_frame, it.gi_code.co_name)
