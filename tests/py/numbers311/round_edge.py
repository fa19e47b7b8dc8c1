for v in [0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 0.49999999999999994, 1e16 + 1, 2.675, 0.285, 1.005]:
    print(repr(v), round(v), round(v, 1), round(v, 2), round(v, -1))
for v in [5, 15, 25, 35, -5, -15, 123456, 10**25 + 5 * 10**5]:
    print(v, round(v, -1), round(v, -6), round(v, 2), round(v, -30))
print(round(1.23456789e-300, 305), round(1e-320, 325), round(123.456, -400), round(123.456, 400))
