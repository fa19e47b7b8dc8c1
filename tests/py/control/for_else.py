# for ... else
for i in range(3):
    pass
else:
    print("completed, i =", i)
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("stopped at", i)
for x in []:
    pass
else:
    print("else on empty iterable")

def first_negative(nums):
    for n in nums:
        if n < 0:
            result = n
            break
    else:
        result = None
    return result

print(first_negative([3, 4, -2, -7]))
print(first_negative([1, 2]))
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
