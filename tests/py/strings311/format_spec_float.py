vals = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-7, 1e16, 123456.789, float("inf"), float("-inf"), float("nan"), 2.5, 0.125]
specs = ["", "f", ".0f", ".3f", "10.2f", "<10.1f", "^+10.1f", "e", ".2e", "E", "g", ".3g", "G", "#g", "%", ".1%", ",.2f", "_.3f", "010.2f", "+", " .1f", "z.1f" if False else ".1f", "r" if False else "n", ".0e", "#.0f", ".10g"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
