# small float algorithms
def sqrt(n):
    x = n
    i = 0
    while i < 30:
        x = (x + n / x) / 2
        i += 1
    return x

print("sqrt(2) =", sqrt(2.0))
print("sqrt(16) =", sqrt(16.0))
total = 0.0
for i in range(10):
    total += 0.1
print("ten times 0.1 =", total)
mean = sum([1.5, 2.5, 3.5, 4.5]) / 4
print("mean =", mean)
def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r
print("poly(2.5) =", horner([1, -2, 0.5, 3], 2.5))
e = 1.0
term = 1.0
for k in range(1, 20):
    term = term / k
    e += term
print("e approx =", e)
c = 0.0
f = c * 9 / 5 + 32
print("0C in F =", f)
print("100C in F =", 100 * 9 / 5 + 32)
print("-40C in F =", -40 * 9 / 5 + 32)
