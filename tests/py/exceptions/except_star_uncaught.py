# The traceback of an exception group partly handled by except*.
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise OSError(4)
    except* TypeError:
        raise

print("start")
f()
