# code.co_lines() and co_positions(): the lines a function covers, the
# columns of its expressions, and the two tables agreeing on the size of
# the code (the instructions themselves are Tandem's, so only what does
# not depend on them is printed)
def f(a,
      b):
    c = a + b
    if c > 3:
        return c * 2
    return [x for x in range(c)]


code = f.__code__
lines = list(code.co_lines())
positions = list(code.co_positions())
print(sorted({line for _, _, line in lines if line is not None}))
print(lines[0][0], lines[-1][1] == 2 * len(positions))
print(all(s < e for s, e, _ in lines), all(a[1] == b[0] for a, b in zip(lines, lines[1:])))
print(sorted({p for p in positions if p[0] == 7}))
print(code.co_nlocals, code.co_varnames)
print(type(iter(positions)).__name__ in ("list_iterator",), len(positions[0]))
