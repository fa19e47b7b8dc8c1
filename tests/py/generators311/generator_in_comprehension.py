def gen(n):
    for i in range(n):
        yield i * i
print([x for x in gen(5)], {x: x + 1 for x in gen(3)}, sorted({x % 3 for x in gen(6)}))
print(list(zip(gen(3), gen(4))), list(map(str, gen(3))), sum(gen(100)), max(gen(5)), any(x > 10 for x in gen(5)))
print(list(enumerate(gen(3))), sorted(gen(4), reverse=True), tuple(gen(2)), dict(zip("ab", gen(2))))
a, b, *c = gen(5)
print(a, b, c)
print(*gen(3))
