# A naked exception raised again from an except* clause.
try:
    raise ValueError("naked")
except* ValueError as e:
    print(repr(e))
    raise TypeError("in handler")
