# default argument values
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
def power(base, exp=2):
    return base ** exp
print(power(5), power(2, 10))
counter = 10
def snapshot(value=counter):
    return value
counter = 20
print("default evaluated at def time:", snapshot())
def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_to(1), append_to(2))
def shared(item, target=[]):
    target.append(item)
    return target
print(shared(1))
print(shared(2))
def all_defaults(a=1, b=2, c=3):
    return a + b + c
print(all_defaults(), all_defaults(10), all_defaults(10, 20, 30))
