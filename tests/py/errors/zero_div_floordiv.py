# floor division of ints by zero
values = [3, 2, 1, 0]
for v in values:
    print("100 //", v, "=", 100 // v)
print("not reached")
