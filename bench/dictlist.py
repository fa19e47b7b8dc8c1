# bench/dictlist.py -- dict and list kernel: building dicts keyed by ints,
# counting with dict.get, a list used as a stack through an explicit top
# index, and list indexing and item assignment.
#
# Usage: tandem bench/dictlist.py [N]    (default N = 800; work grows linearly)
# Prints one checksum line: "dictlist N counts stack table".
# Uses only the constructs listed in bench/README.md.
import sys

# About 1 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 800

MOD = 1000000007


def counting(n):
    # Histogram of pseudo-random keys with dict.get, then a weighted sum
    # over the keys in order of first appearance.
    counts = {}
    order = []
    x = 1
    for i in range(n):
        x = (x * 48271) % 2147483647
        key = x % 1000
        c = counts.get(key, 0)
        if c == 0:
            order.append(key)
        counts[key] = c + 1
    total = 0
    for i in range(len(order)):
        key = order[i]
        total = (total * 31 + key * counts[key]) % MOD
    return total


def stack_machine(n):
    # Push values, and every third step pop two and push their combination.
    stack = []
    top = 0
    total = 0
    for i in range(n):
        if i % 3 == 2 and top >= 2:
            a = stack[top - 1]
            b = stack[top - 2]
            top -= 2
            v = (a * 7 + b) % MOD
        else:
            v = i
        if top < len(stack):
            stack[top] = v
        else:
            stack.append(v)
        top += 1
        total = (total + v) % MOD
    return (total + top) % MOD


def table(n):
    # A dict of lists: bucket i % 97 collects i*i % 1009; then a weighted
    # sum over every bucket.
    buckets = {}
    for k in range(97):
        buckets[k] = []
    for i in range(n):
        buckets[i % 97].append(i * i % 1009)
    total = 0
    for k in range(97):
        lst = buckets[k]
        for j in range(len(lst)):
            total = (total + lst[j] * (k + 1)) % MOD
    return total


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = counting(n * 3000)
    b = stack_machine(n * 3000)
    c = table(n * 3000)
    print("dictlist", n, a, b, c)


main()
