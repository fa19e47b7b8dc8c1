# unsupported operand types for +
total = 0
items = [1, 2, "3"]
for item in items:
    print("adding", item)
    total = total + item
print(total)
