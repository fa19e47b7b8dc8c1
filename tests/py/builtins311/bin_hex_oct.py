for v in [0, 1, -1, 255, -256, 2**64, -(2**70) + 3]:
    print(bin(v), oct(v), hex(v))
print(bin(True), hex(False))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    bin("1")
except TypeError as e:
    print("TypeError", e)
print(format(255, "#x"), format(255, "08b"), format(-255, "#o"))
