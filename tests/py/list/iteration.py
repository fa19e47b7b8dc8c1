# iterating over lists
nums = [3, 8, 1, 9, 4]
total = 0
for n in nums:
    total += n
print("total:", total)
biggest = nums[0]
for n in nums:
    if n > biggest:
        biggest = n
print("biggest:", biggest)
evens = []
for n in nums:
    if n % 2 == 0:
        evens.append(n)
print("evens:", evens)
i = 0
for n in nums:
    print("index", i, "value", n)
    i += 1
matrix = [[1, 2, 3], [4, 5, 6]]
for row in matrix:
    for v in row:
        print(v, end=" ")
    print()
for a, b in [(1, "one"), (2, "two")]:
    print(a, b)
