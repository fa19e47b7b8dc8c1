# various hashable key types
d = {}
d[1] = "int"
d[-5] = "negative int"
d[2.5] = "float"
d["s"] = "str"
d[(1, "t")] = "tuple"
d[None] = "None"
d[False] = "False"
print(d)
print(d[0], d[0.0])
print(d[(1, "t")], d[None], d[2.5], d[-5])
print(len(d))
squares = {}
for i in range(-3, 4):
    squares[i] = i * i
print(squares)
