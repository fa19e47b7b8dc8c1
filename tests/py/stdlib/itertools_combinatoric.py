# itertools: product, permutations, combinations,
# combinations_with_replacement, against their definitions, edge cases.
import itertools as it

print(list(it.product("ab", range(2))))
print(list(it.product([1, 2], repeat=2)), list(it.product()), list(it.product([], [1])),
      list(it.product("ab", repeat=0)), list(it.product(repeat=3)))
print(list(it.permutations("abc")))
print(list(it.permutations(range(3), 2)), list(it.permutations([], 0)), list(it.permutations("ab", 3)),
      list(it.permutations("ab", None)), list(it.permutations([])))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 0)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 0)),
      list(it.combinations_with_replacement([], 1)), list(it.combinations_with_replacement("a", 3)))

from math import comb, factorial, perm
for n in range(6):
    pool = range(n)
    for r in range(7):
        c = list(it.combinations(pool, r))
        w = list(it.combinations_with_replacement(pool, r))
        p = list(it.permutations(pool, r))
        assert len(c) == comb(n, r), (n, r)
        assert len(w) == (comb(n + r - 1, r) if n else (r == 0)), (n, r)
        assert len(p) == perm(n, r), (n, r)
        assert c == sorted(set(c)) and p == sorted(set(p)) and w == sorted(set(w))
        assert c == [t for t in p if list(t) == sorted(t)]
        assert w == [t for t in it.product(pool, repeat=r) if list(t) == sorted(t)]
print("counts ok")
print(len(list(it.product(range(4), repeat=4))), list(it.product(range(2), "x", repeat=2))[:3])
pr = it.permutations("abc", 2)
print(next(pr), next(pr), list(pr))
print(type(it.combinations_with_replacement("a", 1)).__name__)
