for s, b in [("0", 10), ("-ff", 16), ("FF", 16), ("0x_ff", 16), ("0b1_0", 0), ("  +12  ", 10), ("zz", 36), ("Zz", 36), ("777", 8), ("0o777", 8), ("0777", 0), ("00", 0), ("1" * 50, 2)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
print(int("١٢٣"), int("٣"), int("12\n"), int("\t7"))
print(int("10", base=16), int(x="5") if False else 0)
