import _support.circ_x as x
SAW_EARLY = x.X_EARLY
try:
    x.X_LATE
except AttributeError as e:
    MESSAGE = str(e)
