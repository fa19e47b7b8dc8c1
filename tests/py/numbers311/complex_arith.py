a = 1 + 2j
b = 3 - 4j
print(a + b, a - b, a * b, a / b, -a, +a, abs(b), a ** 2, a ** 0, a ** -1, 2 ** a if False else 0)
print(a == 1 + 2j, a.conjugate(), a.real, a.imag, complex(a), a * 2, 2 * a, a + 1.5)
print(1j * 1j, (1j) ** 2, 0j ** 0, pow(2j, 3))
try:
    a // b
except TypeError as e:
    print("TypeError", e)
try:
    a % b
except TypeError as e:
    print("TypeError", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    int(a)
except TypeError as e:
    print("TypeError", e)
print(repr(complex(1e300, 1e300) * 10), repr(complex(0, 0)), repr(-0j), repr(complex(-0.0, -0.0)))
