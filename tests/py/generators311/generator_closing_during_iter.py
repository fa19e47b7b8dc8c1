def g():
    try:
        for i in range(10):
            yield i
    finally:
        print("g finally")

for v in g():
    if v == 2:
        break
print("after break")
it = g()
for v in it:
    if v == 1:
        it.close()
    print("v", v)
def owner():
    gen = g()
    next(gen)
    return "returned"
print(owner())
