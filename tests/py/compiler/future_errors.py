# Future statements: checked at compile time like CPython.
for src in [
    "from __future__ import nosuch\n",
    "from __future__ import braces\n",
    "import os\nfrom __future__ import annotations\n",
    "from __future__ import division, annotations, generator_stop\nx: int\n",
    "'doc'\nfrom __future__ import annotations\nfrom __future__ import print_function\n",
    "from __future__ import annotations; import os; from __future__ import division\n",
]:
    try:
        compile(src, "<f>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

# Under the annotations future, yield, await and := may not appear in annotations.
for body in ["x: (yield)", "x: (yield from y)", "x: (await y)", "x: (y := 1)",
             "def f(a: (yield)): pass", "def f() -> (await x): pass",
             "x: lambda: (yield)", "def f(*, k: (a := 2)): pass"]:
    src = "from __future__ import annotations\n" + body + "\n"
    try:
        compile(src, "<a>", "exec")
        print("ok:", body)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset, e.end_offset)
