# Compile-time errors for match statements (checked through compile()).
sources = [
    "match x:\n case y: pass\n case 1: pass\n",
    "match x:\n case _: pass\n case 1: pass\n",
    "match x:\n case y | 1: pass\n",
    "match x:\n case (y | 1) as z: pass\n",
    "match x:\n case [a, a]: pass\n",
    "match x:\n case {'k': a, **a}: pass\n",
    "match x:\n case [a] | [b]: pass\n",
    "match x:\n case [a] | [a, b]: pass\n",
    "match x:\n case {1: _, 1: _}: pass\n",
    "match x:\n case {'a': _, 'a': _}: pass\n",
    "match x:\n case {-1: _, -1: _}: pass\n",
    "match x:\n case C(a=1, a=2): pass\n",
    "match x:\n case [*a, *b]: pass\n",
    "match x:\n case [a, (b as a)]: pass\n",
    "match x:\n case (a | a) as a: pass\n",
    "match x:\n case C(a, b=a): pass\n",
    "match x:\n case y if y: pass\n case 1: pass\n",
    "match x:\n case 1 | _: pass\n case 2: pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(e.msg, (e.lineno, e.offset, e.end_offset))
