# complex: literals, constructor, repr, attributes, arithmetic, comparisons.
print(1j, 2.5J, 1e3j, 0j, -0j, 1_0j, 1e-5j)
print(1 + 2j, 1 - 2j, -1 - 2j, 3 + 0j, -(0j), 1e20j, 1e16 + 1e16j)
print(complex(), complex(1), complex(1.5), complex(1, 2), complex(-1.5, -0.0))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(real=2, imag=3), complex(imag=1))
print(repr(complex(float('nan'), float('inf'))), complex(float('-inf'), float('nan')))
print(complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0))
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), -z, +z, bool(z), bool(0j))
print(type(z).__name__, type(z.real).__name__, type(abs(z)).__name__)
print(str(1 + 2j), repr(1.5 - 2.25j))

# arithmetic with int, float and complex on either side
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, a ** b)
print(a + 1, 1 + a, a - 1.5, 1.5 - a, a * 2, 2 * a, a / 2, 2 / a, 2 ** a, a ** 2.0)
print(1j * 1j, 1j ** 2, (1j) ** 3, 1j ** 0, 0j ** 0, (2 + 0j) ** 10, (1 + 1j) ** 100)
x = 1 + 1j
x += 1
x *= 2j
print(x)

# comparisons and hashing
print(1 + 0j == 1, 1 == 1 + 0j, 1.5 + 0j == 1.5, 2j == 2j, 2j != 3j, 1j == 1, 1j != 1, 1j == 'x')
print(hash(complex(1, 0)) == hash(1), hash(complex(1.5, 0)) == hash(1.5), hash(0j) == hash(0))
print(hash(1 + 2j), hash(-1 + 0j), hash(2j))
d = {1: 'int', 2j: 'complex'}
print(d[1 + 0j], d[2j], len({1, 1.0, 1 + 0j}))

# float ** float with a negative base is complex
print((-8) ** (1 / 3), (-1.0) ** 0.5, (-2.0) ** 1.5, (-3) ** 2.5, (-0.5) ** -0.5)
print(type((-1) ** 0.5).__name__, (-1) ** 2.0, (-2.0) ** 3)
