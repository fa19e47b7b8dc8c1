# nested loops, break affects only the innermost loop
for i in range(1, 4):
    line = ""
    for j in range(1, 4):
        line += str(i * j) + " "
    print(line)
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print("pair", i, j)
found = None
for a in range(1, 20):
    for b in range(a, 20):
        c2 = a * a + b * b
        c = 1
        while c * c < c2:
            c += 1
        if c * c == c2 and c < 20:
            print("triple", a, b, c)
count = 0
for x in "ab":
    for y in "cd":
        for z in "ef":
            count += 1
print("combinations:", count)
