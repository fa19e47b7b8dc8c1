# argument evaluation order and parameter binding
log = []
def note(x):
    log.append(x)
    return x
def three(a, b, c):
    return [a, b, c]
print(three(note(1), note(2), note(3)))
print("evaluation order:", log)
log.clear()
print(three(note("a"), c=note("c"), b=note("b")))
print("kw evaluation order:", log)
def f(x, y=10):
    return x * y
print(f(2), f(2, 3), f(y=4, x=5))
def swap(a, b):
    return b, a
print(swap(1, 2), swap(b=1, a=2))
def params_are_locals(n):
    n = n + 1
    return n
k = 5
print(params_are_locals(k), k)
