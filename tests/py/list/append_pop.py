# append, pop, insert
a = []
a.append(1)
a.append(2)
a.append([3, 4])
print(a)
print(a.pop())
print(a)
a.append("x")
print(a.pop(0))
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
print(a)
a.insert(-100, "very first")
print(a)
print(a.pop(-2))
print(a)
print(len(a))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("popped", stack.pop())
print("empty:", stack)
