# int <-> str conversion, bases, formatting and the 4300-digit limit.
import sys

vals = [2 ** 64, -2 ** 64, 10 ** 30, -10 ** 30 + 1, 2 ** 200 - 1, 3 ** 150, -7 ** 90]
for v in vals:
    print(v, repr(v), str(v), hex(v), oct(v), bin(v))
    print(int(str(v)) == v, int(hex(v), 16) == v, int(oct(v), 0) == v, int(bin(v), 0) == v)
    print(format(v, ','), format(v, '_'), format(v, 'x'), format(v, '#X'), format(v, '_b')[:40])
    print(format(v, '>80'), format(v, '*^90,'), format(v, '+'), format(v, 'o'))
    print('%d|%i|%x|%X|%o|%#x|%50d|' % (v, v, v, v, v, v, v))
    print(format(v, 'e'), format(v, '.3g'), format(v, 'n'))

print(int('123456789012345678901234567890'), int('-0x' + 'f' * 30, 16), int('z' * 20, 36))
print(int('1_000_000_000_000_000_000_000'), int('0b' + '1' * 100, 0), int(' -987654321987654321987 '))
for base in [2, 3, 7, 10, 16, 36]:
    print(base, int('1' * 50, base))
x = 123456789012345678901234567890
print(x)
y = 0xffffffffffffffffffffffffffffffff
print(y, 0o7777777777777777777777777777, 0b11111111111111111111111111111111111111111111111111111111111111111)

print(sys.get_int_max_str_digits())
try:
    int('1' * 5000)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    '%d' % 10 ** 5000
except ValueError as e:
    print(e)
print(len(hex(10 ** 5000)), len(bin(7 ** 2000)), int('f' * 5000, 16) % 1000)
print(len(str(10 ** 4299)), int('9' * 4300) % 97)
sys.set_int_max_str_digits(0)
big = 7 ** 20000
s = str(big)
print(len(s), s[:30], s[-30:], int(s) == big)
print(int('9' * 10000) % 1000003)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
try:
    format(2 ** 80, 'c')
except OverflowError as e:
    print(e)
for bad in ['1' * 30 + 'x', '0x', '12_', '٣' * 25]:
    try:
        print(int(bad))
    except ValueError as e:
        print(e)
