vals = [1, 22, 333]
width = 6
for v in vals:
    print(f"|{v:>{width}}|{v:<{width - 2}}|{v:^{width}x}|")
prec = 2
for f in [1.0, 2.3456, 100.1]:
    print(f"{f:{width}.{prec}f} {f:.{prec + 1}e}")
fill = "*"
align = "^"
print(f"{'mid':{fill}{align}{width + 3}}")
print(f"{f'{1 + 1}'!r}", f"{f'{vals[0]:03}'}", f"{str(vals)[:5]}")
class T:
    def __format__(self, spec):
        return "T<" + spec + ">"
print(f"{T():{width}x}", f"{T()!s:.3}"[:10])
