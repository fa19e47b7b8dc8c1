# ZeroDivisionError raised through recursion
def countdown(n):
    print("n =", n, "100 // n =", 100 // n)
    return countdown(n - 1)
countdown(3)
