# keyword arguments in calls
def describe(name, age, city="nowhere"):
    print("name=" + name, "age=" + str(age), "city=" + city)

describe("Ann", 30)
describe(name="Bob", age=25)
describe(age=40, name="Cy")
describe("Di", city="Oslo", age=22)
describe("Ed", 50, city="Rome")
def sub(a, b):
    return a - b
print(sub(10, 3), sub(b=10, a=3), sub(10, b=3))
def box(width=1, height=1, depth=1):
    return width * height * depth
print(box(), box(depth=5), box(2, depth=3), box(height=2, width=3))
