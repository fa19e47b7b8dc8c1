# integer algorithms
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

print("gcd(48, 18) =", gcd(48, 18))
print("gcd(17, 5) =", gcd(17, 5))
print("gcd(0, 9) =", gcd(0, 9))

def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True

primes = []
for n in range(50):
    if is_prime(n):
        primes.append(n)
print("primes < 50:", primes)

def digits(n):
    out = []
    while n > 0:
        out.append(n % 10)
        n //= 10
    out.reverse()
    return out

print("digits(90817) =", digits(90817))
s = 0
for d in digits(9223372036854775807):
    s += d
print("digit sum of 2**63-1:", s)
collatz = 27
steps = 0
while collatz != 1:
    if collatz % 2 == 0:
        collatz //= 2
    else:
        collatz = 3 * collatz + 1
    steps += 1
print("collatz steps for 27:", steps)
