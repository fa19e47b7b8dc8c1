x, y = 3, "s"
print(f"{x} {y} {x + 1} {x * 2:4d} {y!r} {y!a} {y!s}")
print(f"{x=} {y=} {x + 1 = } {x=:5} {y=!s} {3.14159=:.2f}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|", f"{'nested':{'>'}{w}}|", f"{x:{'0'}{5}}")
d = {"k": 1}
print(f"{d['k']} {d}")
print(f"{'{'}{'}'} {{literal}} {{{x}}}")
print(f"{[i * i for i in range(3)]} {(lambda a: a + 1)(1)} {x if x > 2 else 0}")
print(f"""{
x
}""", f"{'a' 'b'}", f"{x!r:>4}")
name = "é"
print(f"{name!a} {name:^5} {len(name)}")
print(f"{1_000_000:,} {255:#x} {0.5:%} {-3:+}")
