class B:
    def m(self):
        raise NotImplementedError("subclass must implement")
B().m()
