# bytearray mutation
ba = bytearray(b'hello world')
ba[0] = 72; ba[-1] = 68; print(ba)
ba[0:5] = b'HOWDY'; print(ba)
ba[::2] = b'******'; print(ba)
del ba[::2]; print(ba)
del ba[0]; del ba[-2:]; print(ba)
ba[1:1] = [65, 66]; ba[0:2] = bytearray(b''); print(ba)
ba = bytearray(range(5)); ba.insert(0, 9); ba.insert(-1, 8); ba.insert(100, 7); ba.extend([6, 5]); ba.extend(b'ab'); print(ba)
ba.append(0); ba.remove(9); print(ba, ba.pop(), ba.pop(0), ba)
ba.reverse(); print(ba, ba.copy() == ba, ba.copy() is ba); ba.clear(); print(ba, len(ba))
ba = bytearray(b'ab'); ba += b'cd'; ba += bytearray(b'e'); ba *= 2; print(ba)
ba = bytearray(b'xy'); alias = ba; ba += b'z'; print(alias, alias is ba)
print(bytearray(b'abc').upper(), type(bytearray(b'x').upper()).__name__, repr(bytearray(b"it's")))
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(slice(0, 1), 5), lambda: ba.pop(50),
            lambda: bytearray().pop(), lambda: ba.remove(99), lambda: ba.append('a'), lambda: ba.extend(5),
            lambda: ba.extend('ab'), lambda: ba.insert(0, 300), lambda: ba[50], lambda: ba.__setitem__(slice(None, None, 2), b'xyz123')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
