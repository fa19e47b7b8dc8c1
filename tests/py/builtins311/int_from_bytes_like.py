print(int(b"12"), int(bytearray(b"7")), int(b"ff", 16), int(memoryview(b"42")))
try:
    int(b"x")
except ValueError as e:
    print("ValueError", e)
