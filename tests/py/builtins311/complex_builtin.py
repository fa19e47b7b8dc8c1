print(complex(), complex(1), complex(1, 2), complex("3+4j"), complex("-1.5j"), complex(" 2 "))
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), z * 1j, z / 2, z ** 2)
print(complex(1, 2) == 1 + 2j, complex("1e1+2e-1j"))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1j), repr(-1j), repr(complex(1, float("nan"))))
try:
    complex("1+2")
except ValueError as e:
    print("ValueError", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError", e)
try:
    (1 + 2j) < (2 + 3j)
except TypeError as e:
    print("TypeError", e)
print(hash(complex(3, 0)) == hash(3))
