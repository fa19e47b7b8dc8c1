class P:
    def m(self): return self.missing
P().m()
