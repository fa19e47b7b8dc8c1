# del on list items
a = [0, 1, 2, 3, 4, 5]
del a[0]
print(a)
del a[-1]
print(a)
del a[1]
print(a)
x = [1, 2]
y = x
del x
print(y)
b = ["a", "b", "c", "d"]
i = 0
while i < len(b):
    if b[i] in "bd":
        del b[i]
    else:
        i += 1
print(b)
