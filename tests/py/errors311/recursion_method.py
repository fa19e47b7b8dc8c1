class C:
    @property
    def x(self):
        return self.x
C().x
