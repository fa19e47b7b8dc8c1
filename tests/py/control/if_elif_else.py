# if / elif / else chains
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in [-5, 0, 3, 10, 99, 100, 12345]:
    print(n, classify(n))
x = 7
if x > 5:
    print("x > 5")
if x > 10:
    print("never")
else:
    print("x <= 10")
if x:
    if x % 2:
        print("odd")
    else:
        print("even")
if 0:
    print("no")
elif []:
    print("no")
elif "nonempty":
    print("string is truthy")
