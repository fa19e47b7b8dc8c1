# classic recursive functions
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def power_set_count(items):
    if not items:
        return 1
    return 2 * power_set_count(items[1:])

for i in range(0, 21, 5):
    print("fact(" + str(i) + ") =", fact(i))
fibs = []
for i in range(16):
    fibs.append(fib(i))
print(fibs)
print("fib(22) =", fib(22))
print("ackermann(2, 3) =", ackermann(2, 3))
print("ackermann(3, 3) =", ackermann(3, 3))
print("power set size of 5 items:", power_set_count([1, 2, 3, 4, 5]))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print("recursion depth 500:", depth(500))
