# copy and clear
a = [1, [2, 3], 4]
b = a.copy()
print(a == b, a is b)
b[0] = 100
print(a, b)
b[1].append(99)
print("shallow copy shares inner list:", a)
a.clear()
print(a, len(a))
print(b)
c = b
c.clear()
print("alias cleared too:", b)
d = [1, 2, 3]
e = d[:]
d.append(4)
print(d, e)
