# _sha512: FIPS 180-4's examples and more against CPython's digests, copy,
# the attributes and errors, and random's seeding from str/bytes (its user)
import _sha512
for data in (b"", b"abc", b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", b"a" * 1000, bytes(range(256)) * 9):
    print(_sha512.sha512(data).hexdigest()[:32], _sha512.sha384(data).hexdigest()[:32])
h = _sha512.sha512()
for i in range(300):
    h.update(bytes([i % 256]) * i)
c = h.copy(); c.update(b"x")
print(h.hexdigest(), c.hexdigest() != h.hexdigest(), h.name, h.digest_size, h.block_size, len(h.digest()))
print(_sha512.sha384(string=b"q", usedforsecurity=False).name)
try:
    _sha512.sha512("str")
except TypeError as e:
    print("TypeError:", e)
print(_sha512.sha512(bytearray(b"abc")).hexdigest() == _sha512.sha512(b"abc").hexdigest())
import random
random.seed("hello"); print(random.random())
random.seed(b"bytes seed"); print(random.random())
