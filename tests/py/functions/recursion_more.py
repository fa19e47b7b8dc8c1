# recursion with accumulators and default parameters
def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list([1, 2, 3, 4, 5]))
def reverse_str(s):
    if len(s) <= 1:
        return s
    return reverse_str(s[1:]) + s[0]
print(reverse_str("recursion"))
def hanoi(n, src="A", dst="C", via="B", moves=None):
    if moves is None:
        moves = []
    if n > 0:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + "->" + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(3)
print(len(m), m)
print(len(hanoi(10)))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(17, 0))
def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out
perms = permutations([1, 2, 3])
print(len(perms), perms)
