# tuple index out of range
t = (1, 2)
print(t[-2], t[1])
print(t[-3])
