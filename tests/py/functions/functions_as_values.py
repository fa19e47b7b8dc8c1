# functions are first-class values
def double(x):
    return x * 2
def square(x):
    return x * x
def apply(f, v):
    return f(v)
print(apply(double, 7), apply(square, 7))
ops = [double, square, abs]
for op in ops:
    print(op(-3))
table = {"d": double, "s": square}
print(table["s"](9))
alias = double
print(alias(21), alias is double)
def compose_apply(fs, v):
    for f in fs:
        v = f(v)
    return v
print(compose_apply([double, square, double], 3))
print(max([3, -8, 5], key=abs), min(["bbb", "a", "cc"], key=len))
