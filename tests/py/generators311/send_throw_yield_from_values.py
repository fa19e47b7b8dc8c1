def echo():
    received = []
    while True:
        try:
            v = yield len(received)
        except ValueError:
            received.append("VE")
            continue
        if v == "stop":
            return received
        received.append(v)

def wrap():
    res = yield from echo()
    yield ("wrapped", res)

w = wrap()
print(next(w))
print(w.send("a"))
print(w.throw(ValueError))
print(w.send("b"))
print(w.send("stop"))
