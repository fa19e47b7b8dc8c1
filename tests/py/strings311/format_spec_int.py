vals = [0, 7, -7, 255, 123456789, -10**25]
specs = ["", "d", "5d", "<6d", ">6d", "^7d", "=+8d", "+d", " d", "-d", "08d", ",d", "_d", "x", "#x", "#X", "o", "#o", "b", "#b", "_b", "c" , "n", "e", ".2f", "%", "#010x", "*^9,"]
for v in vals:
    row = []
    for s in specs:
        if s == "c" and (v < 0 or v > 0x10FFFF):
            continue
        row.append(format(v, s))
    print(v, row)
print(format(True, "d"), format(True, ""), format(False, "x"))
