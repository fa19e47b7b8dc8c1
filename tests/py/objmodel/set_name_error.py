class BadSN:
    def __set_name__(self, owner, name): raise ValueError("bad")
class Own2:
    x = BadSN()
