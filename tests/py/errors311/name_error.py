print("start")
x = 1
print(undefined_name + x)
