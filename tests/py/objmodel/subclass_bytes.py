class B(bytes):
    def hi(self): return self.upper()
b = B(b"ab")
print(b, type(b).__name__, b.hi(), B(3), B([65, 66]), b == b"ab", hash(b) == hash(b"ab"), b[0], b[::-1], len(b))
print(B.__mro__, isinstance(b, bytes), bytes(b), type(bytes(b)).__name__)
class B2(bytes):
    def __new__(cls, x):
        return super().__new__(cls, x * 2)
print(B2(b"z"), type(B2(b"z")))
print(bytes.__new__(B, b"q"), type(bytes.__new__(B, b"q")).__name__)
