# basic f-strings
x = 42
name = "world"
pi = 3.14159
print(f"{x}")
print(f"hello {name}!")
print(f"{x!r} {name!r}")
print(f"[{x:>5}] [{x:<5}] [{x:^5}]")
print(f"{pi:.3f} {pi:.1f} {pi:8.2f}|")
print(f"{x + 1} {x * 2} {len(name)}")
print(f"{name.upper()} {[1, 2]} {None}")
print(f"{{braces}} {x}")
print(f"{'single quotes inside'}")
print(f"{x:05d} {x:x} {x:b}")
print(f"{name:*^11}")
print(f"{1 / 3}")
print(f"{x}" f"-{name}" "-plain")
print(f"x={x}")
print(F"capital F {x}", rf"raw \n {x}")
