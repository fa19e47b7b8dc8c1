"""Docstring before the future import is fine."""
from __future__ import annotations
import __future__
# PEP 563: annotations are stored as source text (CPython's unparser).

def f(a: int, b: list[dict[str, int]] = None, *args: tuple[int, ...], **kw: undefined) -> Optional[int]:
    pass
for k, v in f.__annotations__.items():
    print(k, repr(v))

x: a.b.c = 1
y: lambda x, *, y=1: x + y
z: "already a string"
w: (1, 2) if cond else {3: 4, **rest}
print(__annotations__)

def ex(
    a: -x ** 2 + (y - z) * w // 3 % 4 @ m,
    b: not a and (b or c) and not (d or e),
    c: a < b <= c is not d not in e,
    d: f(x, *y, k=1, **z)[1:2, ::3],
    e: {x for x in y if x} | [x async for x in y],
    f: {k: v for k, v in d.items()},
    g: (x for x in y),
    h: f(x for x in y),
    i: f"{x!r:>{width}} {{literal}} {y}",
    j: 1e400 + 2j * 1.5,
    k: ...,
    l: b"bytes" + u"text",
    n: 1 .real,
    p: x[()],
    r: a if b else (c if d else e),
    s: (lambda: 1)(),
    t: ~x ** -y,
    u: (a, ),
    v: (a ** b) ** c,
    w: a ** (b ** c),
    x: a - (b - c),
    y: (a - b) - c,
    z: x[a:b, c],
):
    pass
for k, v in ex.__annotations__.items():
    print(k, v)

class C:
    attr: Dict[str, C]
    def m(self) -> C: ...
print(C.__annotations__, C.m.__annotations__)
print(__future__.annotations.getMandatoryRelease(), __future__.annotations.compiler_flag)
