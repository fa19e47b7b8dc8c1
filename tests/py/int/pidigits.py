# The pidigits spigot (Gibbons' unbounded algorithm): big int * // + - compare.
def pidigits(n):
    k, a, b, c = 1, 4, 1, 12
    q, r, t = 1, 0, 1
    out = []
    k = 1
    q, r, t = 1, 0, 1
    i = 0
    while i < n:
        # compose with the k-th term
        q, r, t, k2 = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1), k
        k += 1
        if q > r:
            continue
        d = (q * 3 + r) // t
        if d == (q * 4 + r) // t:
            out.append(d)
            i += 1
            q, r = 10 * q, 10 * (r - d * t)
    return out

digits = pidigits(300)
line = ''
for j in range(len(digits)):
    line += str(digits[j])
    if (j + 1) % 50 == 0:
        print(line)
        line = ''
print(line)

# e by the series sum 1/k!, scaled
scale = 10 ** 200
e = 0
term = scale
k = 0
while term:
    e += term
    k += 1
    term //= k
print(e)
