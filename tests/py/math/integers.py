import math
print([math.factorial(n) for n in range(21)])
print(math.comb(10, 3), math.comb(5, 0), math.comb(5, 6), math.comb(60, 30), math.comb(0, 0))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(3, 5), math.perm(20, 10), math.perm(5, None))
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 27), math.gcd(0, 0), math.gcd(2 ** 62, 2 ** 40))
print(math.lcm(), math.lcm(4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 99, 10 ** 12, 2 ** 62, 2 ** 63 - 1]])
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(range(1, 11)))
print(math.floor(2.5), math.floor(-2.5), math.floor(3), math.ceil(2.1), math.ceil(-2.1), math.ceil(True), math.trunc(-2.7), math.trunc(5))
print(type(math.floor(2.5)).__name__, type(math.ceil(1.0)).__name__, type(math.trunc(1.5)).__name__)

class Num:
    def __floor__(self):
        return 'floor!'
    def __ceil__(self):
        return 'ceil!'
    def __trunc__(self):
        return 'trunc!'
class Flt:
    def __float__(self):
        return 2.75
class Idx:
    def __index__(self):
        return 7
print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.floor(Flt()), math.ceil(Flt()), math.sqrt(Flt()))
print(math.factorial(Idx()), math.gcd(Idx(), 21), math.sqrt(Idx()), math.comb(Idx(), 2))
