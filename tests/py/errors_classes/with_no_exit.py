class CM:
    def __enter__(self): return self
with CM():
    pass
