class Q:
    pass
Q(1)
