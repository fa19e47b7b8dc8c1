class C:
    def a(self):
        return self.b()
    def b(self):
        return None.x
C().a()
