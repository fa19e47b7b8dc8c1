def f():
    return missing_global
print("calling")
f()
