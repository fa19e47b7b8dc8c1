class P:
    @property
    def x(self): return 1
P().x = 3
