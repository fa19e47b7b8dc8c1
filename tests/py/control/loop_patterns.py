# common loop patterns: accumulate, search, count, build
data = [4, 8, 15, 16, 23, 42]
total = 0
count = 0
for x in data:
    total += x
    count += 1
print("mean:", total / count)
idx = -1
i = 0
for x in data:
    if x > 15:
        idx = i
        break
    i += 1
print("first index > 15:", idx)
odd = 0
for x in data:
    if x % 2:
        odd += 1
print("odd count:", odd)
running = []
acc = 0
for x in data:
    acc += x
    running.append(acc)
print("running sums:", running)
triangle = []
for r in range(5):
    row = [1]
    for k in range(1, r + 1):
        row.append(row[k - 1] * (r - k + 1) // k)
    triangle.append(row)
for row in triangle:
    print(row)
