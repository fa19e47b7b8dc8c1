# break and continue
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
    print("while", i)
words = ["keep", "skip", "keep2", "stop", "never"]
for w in words:
    if w == "skip":
        continue
    if w == "stop":
        break
    print("word", w)
total = 0
for n in range(100):
    if n % 3:
        continue
    total += n
print("sum of multiples of 3 below 100:", total)
