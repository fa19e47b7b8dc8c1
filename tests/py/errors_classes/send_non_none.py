def g():
    x = yield
    print("sent", x)
g().send(5)
