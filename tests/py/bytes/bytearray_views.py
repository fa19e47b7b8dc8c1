# Every way of reading a bytearray's bytes (and bytearrays as arguments),
# after a thread has run: from then on the free-threaded build copies a
# bytearray's bytes under its lock for each read.  Plus the resizes an
# export forbids (BufferError) and the ones it allows.
import threading

t = threading.Thread(target=lambda: None)
t.start()
t.join()

ba = bytearray(b"hello world")
sp = bytearray(b" ")
print(bytes(ba), ba[:], ba[1:8:2], ba.copy(), bytearray(ba), ba[-1], ba[0])
print(ba.find(bytearray(b"o")), ba.rfind(b"o", 0, 6), ba.count(bytearray(b"l")), ba.index(111))
print(bytearray(b"o") in ba, 119 in ba, b"xyz" in ba, ba.startswith((b"x", bytearray(b"he"))))
print(ba.endswith(bytearray(b"ld")), ba == bytearray(b"hello world"), b"hello world" == ba, ba < b"z")
print(ba.decode(), ba.hex(), ba.hex(b" ", 2), ba.upper(), ba.title(), ba.isalpha(), ba.islower())
print(ba.split(sp), ba.rsplit(maxsplit=1), ba.partition(sp), ba.rpartition(bytearray(b"o")))
print(ba.replace(bytearray(b"l"), bytearray(b"L"), 2), ba.translate(None, bytearray(b"lo")))
print(ba.translate(bytearray(bytes.maketrans(b"lo", b"01"))), bytes.maketrans(bytearray(b"a"), b"b")[97])
print(ba.strip(bytearray(b"hd")), ba.center(15, bytearray(b"*")), ba.zfill(13), ba.expandtabs())
print(ba.removeprefix(bytearray(b"he")), ba.removesuffix(b"ld"), ba.splitlines(), ba.ljust(12, b"."))
print(sp.join([ba, ba]), b"".join([ba, memoryview(ba)[:2]]), ba + ba, ba + b"!", b"!" + ba, ba * 2)
print(b"%b|%s|%c" % (ba, bytearray(b"x"), bytearray(b"y")), bytearray(b"%b") % (ba,))
print(int(bytearray(b"42")), int.from_bytes(bytearray(b"\x01\x00"), "big"), ord(bytearray(b"a")))
print(str(ba, "ascii"), list(iter(bytearray(b"ab"))), hash(bytes(ba)) == hash(b"hello world"))
e = UnicodeDecodeError("utf-8", bytearray(b"\xff"), 0, 1, "bad")
print(e.object, e)
m = memoryview(ba)
m[0:2] = bytearray(b"HE")
print(m.tobytes(), m == ba, bytes(m[::2]))


def attempt(label, f):
    try:
        f()
        print(label, "ok", ba)
    except (BufferError, TypeError, ValueError) as exc:
        print(label, type(exc).__name__, exc)


def iadd(x):
    global ba
    ba += x


def imul(n):
    global ba
    ba *= n


attempt("ba += ba", lambda: iadd(ba))
attempt("ba += b''", lambda: iadd(b""))
attempt("ba *= 1", lambda: imul(1))
attempt("ba *= 2", lambda: imul(2))
attempt("ba.append", lambda: ba.append(1))
attempt("ba.extend(b'')", lambda: ba.extend(b""))
attempt("ba.pop", lambda: ba.pop())
attempt("ba[0] = 72", lambda: ba.__setitem__(0, 72))
attempt("ba[0:1] = b'xy'", lambda: ba.__setitem__(slice(0, 1), b"xy"))
attempt("del ba[::2]", lambda: ba.__delitem__(slice(None, None, 2)))
m.release()
attempt("ba += ba", lambda: iadd(ba))
attempt("ba *= 2", lambda: imul(2))
attempt("ba.insert", lambda: ba.insert(-100, 33))
attempt("ba.remove", lambda: ba.remove(33))
attempt("ba.pop(-1)", lambda: ba.pop(-1))
attempt("ba.clear", lambda: ba.clear())
attempt("ba += ba (empty)", lambda: iadd(ba))
attempt("ba += bytearray(ba)", lambda: iadd(bytearray(b"ab")))
attempt("ba += ba", lambda: iadd(ba))
