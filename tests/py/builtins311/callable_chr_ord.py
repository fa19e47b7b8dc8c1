print(callable(len), callable(lambda: 0), callable(1), callable(int), callable("s".upper))
print(chr(65), chr(0x263a), chr(0x10FFFF) == "\U0010FFFF", chr(0))
print(ord("A"), ord("é"), ord("\U0001F600"), ord(b"a"), ord(bytearray(b"z")))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
try:
    ord("")
except TypeError as e:
    print("TypeError", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError", e)
