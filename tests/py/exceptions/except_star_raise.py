# Exceptions raised inside except* clauses are combined with the unhandled
# rest and re-raised parts, as CPython 3.11's PREP_RERAISE_STAR does.
def show(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(pad + type(e).__name__, repr(e.message))
        for x in e.exceptions:
            show(x, depth + 1)
    else:
        print(pad + repr(e), "context:", repr(e.__context__))

# a bare raise re-raises the matched part, grouped as the original
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    show(e)

# a new exception: combined into ExceptionGroup("", [new, rest])
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise OSError("new")
except ExceptionGroup as e:
    show(e)

# only a new exception: raised as is, with the match as context
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise OSError("alone")
except OSError as e:
    show(e)
    show(e.__context__)

# naked exception: the new one wins, the unhandled original re-raised as is
try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("from handler")
except KeyError as e:
    show(e)
try:
    try:
        raise ValueError("unmatched")
    except* TypeError:
        print("no")
except ValueError as e:
    print("same object:", repr(e))

# raise in two clauses plus a re-raise
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise OSError("a")
    except* TypeError:
        raise RuntimeError("b")
    except* KeyError:
        raise
except ExceptionGroup as e:
    show(e)

# raise ... from inside, and metadata kept on re-raised parts
try:
    try:
        eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        eg.add_note("a note")
        raise eg
    except* ValueError as m:
        print("match notes:", m.__notes__)
        raise
except ExceptionGroup as e:
    print("notes kept:", e.__notes__, e is eg)
