# while loops
i = 0
while i < 5:
    print("i =", i)
    i += 1
print("after loop i =", i)
n = 10
total = 0
while n:
    total += n
    n -= 1
print("total:", total)
items = [1, 2, 3]
while items:
    print("pop", items.pop())
count = 0
while count < 1000000:
    count += 1
print("count:", count)
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print("first fib >= 100:", b)
