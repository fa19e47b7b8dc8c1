class B:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        print("bool called")
        return self.b

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("len called")
        return self.n

class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0

print(bool(B(False)), not B(True))
print(bool(L(0)), bool(L(2)))
print(bool(Both()))
print(bool(object()))
if L(0):
    print("truthy")
else:
    print("falsy")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
