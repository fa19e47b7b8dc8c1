from _support import cyc_a
B_NAME = "b"
def use_a():
    return cyc_a.A_NAME
