# chr(), ord(), hex(), oct(), bin(), hash() of small ints
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"))
print(ord("é"), ord("€"), ord("🐍"))
print(chr(65), chr(97), chr(48), chr(233), chr(8364), chr(128013))
word = ""
for code in [80, 121, 116, 104, 111, 110]:
    word += chr(code)
print(word)
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(9223372036854775807))
print(int(hex(4096), 16), int(bin(37), 2), int(oct(64), 8))
print(hash(0), hash(1), hash(-5), hash(12345), hash(True), hash(False))
print(hash(1) == hash(1.0), hash(2.0))
shifted = ""
for ch in "abc":
    shifted += chr(ord(ch) + 1)
print(shifted)
