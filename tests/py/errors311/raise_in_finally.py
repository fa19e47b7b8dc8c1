try:
    pass
finally:
    raise RuntimeError("in finally")
