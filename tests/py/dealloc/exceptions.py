# Exceptions holding exceptions (in args, __context__, __cause__), 100,000
# deep, dropped at once.

N = 100000

e = None
for i in range(N):
    e = ValueError(e)
print('args chain:', type(e.args[0]).__name__)
del e
print('args ok')

e = None
for i in range(N):
    x = KeyError(i)
    x.__context__ = e
    e = x
del x
print('context chain:', e.__context__.args)
del e
print('context ok')

e = None
for i in range(N):
    x = OSError(i)
    x.__cause__ = e
    e = x
del x
print('cause chain:', e.__cause__.args)
del e
print('cause ok')

# A raised chain: each handler raises a new exception whose context is the
# previous one, with tracebacks.
e = None
for i in range(N // 4):
    try:
        try:
            raise TypeError(i)
        finally:
            pass
    except TypeError as t:
        t.__context__ = e
        e = t
print('raised chain:', e.args, e.__traceback__ is not None)
del e
print('raised ok')
