class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return self.v == getattr(o, "v", None)

print(E(1) != E(1))
print(E(1) != E(2))
class NE:
    def __ne__(self, o):
        return "custom ne"
print(NE() != 1, NE() == NE())
class Weird:
    def __eq__(self, o):
        return NotImplemented
w = Weird()
print(w == w, w != w, w == 1, w != 1)
