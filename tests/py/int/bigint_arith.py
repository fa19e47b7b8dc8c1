# Arbitrary-precision arithmetic: + - * // % divmod ** and mixed signs.
def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) % 2**64

def bignum(state, words):
    n = 0
    for i in range(words):
        state = lcg(state)
        n = (n << 64) | state
    return n, state

s = 12345
vals = [0, 1, -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 10**30, -10**30]
for w in [1, 2, 3, 5, 9]:
    n, s = bignum(s, w)
    vals.append(n)
    vals.append(-n // 3)

for a in vals:
    for b in vals:
        print(a + b, a - b, a * b)
        if b != 0:
            q, r = divmod(a, b)
            print(q, r, a // b == q, a % b == r, q * b + r == a)

x = 123456789012345678901234567890
print(x, -x, x * x, x ** 3, x // 7, x % 7, -x // 7, -x % 7)
print(2 ** 200, (-3) ** 101, 7 ** 77 // 13 ** 20)
print(pow(3, 200, 10 ** 20), pow(38, -1, 97), pow(2, -3), pow(-3, 201, -10 ** 15))
print(pow(12345678901234567890, 98765, 10 ** 30 + 7), pow(10 ** 25, -1, 10 ** 30 + 57))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2 ** 70, 3, 0)
except ValueError as e:
    print(e)
try:
    print(10 ** 40 // 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(10 ** 40 % 0)
except ZeroDivisionError as e:
    print(e)

# factorial and binomials
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(f // (2 ** 97), f % (10 ** 9 + 7))
c = 1
for k in range(60):
    c = c * (200 - k) // (k + 1)
print(c)

# running sums crossing the word boundary
t = 2 ** 62
for i in range(5):
    t += t
    print(t, -t, t - 1, abs(-t), +t)
print(-(-2 ** 63), abs(-2 ** 63), -2 ** 63 // -1, divmod(-2 ** 63, -1))
