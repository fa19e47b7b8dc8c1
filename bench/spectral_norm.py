# bench/spectral_norm.py -- spectral norm of the infinite matrix
# A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), by power iteration.
#
# Usage: tandem bench/spectral_norm.py [N]    (default N = 500, the vector length)
# Prints one checksum line: "spectral_norm N int(norm * 10**9)".
# Exercises float division, nested loops, list comprehensions, zip, sum.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 500
ITERATIONS = 10


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    return [sum([eval_a(i, j) * v[j] for j in range(n)]) for i in range(n)]


def mul_atv(v, n):
    return [sum([eval_a(j, i) * v[j] for j in range(n)]) for i in range(n)]


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    u = [1.0] * n
    v = u
    for _ in range(ITERATIONS):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    norm = (vbv / vv) ** 0.5
    print("spectral_norm", n, int(norm * 1e9))


main()
