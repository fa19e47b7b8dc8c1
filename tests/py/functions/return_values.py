# return statements
def nothing():
    return
def implicit():
    x = 1
def early(n):
    if n < 0:
        return "negative"
    return "non-negative"
def multiple():
    return 1, "two", [3]
def nested_return(n):
    for i in range(n):
        if i * i > n:
            return i
    return None
print(nothing(), implicit())
print(early(-1), early(5))
print(multiple())
a, b, c = multiple()
print(a, b, c)
print(nested_return(10), nested_return(0))
def returns_function():
    return len
print(returns_function()("abcd"))
def returns_list():
    return [1, 2, 3]
print(returns_list()[1])
