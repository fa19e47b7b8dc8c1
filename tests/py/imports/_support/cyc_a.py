import _support.cyc_b as cyc_b
A_NAME = "a"
def use_b():
    return cyc_b.B_NAME + "+" + A_NAME
