class P:
    pass
P(1, 2)
