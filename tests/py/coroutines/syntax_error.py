# 'await' in a plain function is a SyntaxError at compile time.
print("never printed")


def f():
    return await g()
