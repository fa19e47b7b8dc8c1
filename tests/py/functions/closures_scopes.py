# nested function definitions and scopes
x = "global"
def level1():
    x = "level1"
    def level2():
        def level3():
            return x
        return level3()
    return level2()
print(level1())
def shadowing():
    x = "local"
    def inner():
        x = "inner"
        return x
    return inner() + "/" + x
print(shadowing())
print(x)
def helper_user(n):
    def helper(k):
        return k * k
    total = 0
    for i in range(n):
        total += helper(i)
    return total
print(helper_user(5))
def redefine():
    def f():
        return 1
    first = f()
    def f():
        return 2
    return first, f()
print(redefine())
