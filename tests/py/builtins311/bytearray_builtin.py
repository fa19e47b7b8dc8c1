b = bytearray(b"hello")
print(b, len(b), b[0], b[1:3])
b[0] = 72
b.append(33)
b.extend(b"??")
print(b)
b[1:3] = b"EE"
print(b)
del b[-2:]
print(b, b.pop(), b)
print(bytearray(3), bytearray([1, 2, 255]), bytearray("é", "utf-8"))
print(b.upper(), b.find(b"l"), b.replace(b"l", b"L"))
b.reverse(); print(b)
b.insert(0, 65); print(b)
b.remove(65); print(b)
try:
    b.append(256)
except ValueError as e:
    print("ValueError", e)
try:
    bytearray("x")
except TypeError as e:
    print("TypeError", e)
print(bytearray(b"ab") == b"ab", bytearray(b"ab") + b"cd")
