class S:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)

s = S()
print(s[1])
print(s[1:2])
print(s[::3])
print(s[1:2, 3])
print(s[...])
print(s[:, None])
s[0:5:2] = "x"
del s[::-1]
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step)
print(sl.indices(5))
print(slice(None).indices(3))
print(slice(-1, None, -1).indices(4))
print(slice(5) == slice(None, 5, None))
