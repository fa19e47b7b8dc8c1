# tuple literals, indexing, len
t = (1, 2, 3)
print(t)
print(t[0], t[-1], len(t))
print(())
print((1,))
print((1))
single = 4,
print(single, len(single))
print(("a", 2.5, None, [1]))
print(((1, 2), (3, 4)))
bare = 1, 2, "three"
print(bare)
print(t[1:], t[:-1], t[:0])
print(isinstance(t, tuple), isinstance((), tuple))
print(t + (4, 5))
print(t * 2, () * 3)
print(2 in t, 7 in t, 7 not in t)
