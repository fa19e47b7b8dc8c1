# ast.parse + ast.dump(include_attributes=True) over every statement and
# expression kind: field values and positions must be CPython's.
import ast

CORPUS = [
    "x = 1\ny: int = 2\nz += 3\nw: list[int]\n(a): int = 1\na.b = c[d] = e, *f = g",
    "del a, b[1], c.d\npass\nbreak\ncontinue\nreturn\nreturn 1, 2",
    "import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *",
    "global a, b\nnonlocal c\nassert x, 'msg'\nraise E from F\nraise",
    "if a:\n    pass\nelif b:\n    x\nelse:\n    y",
    "while x:\n    break\nelse:\n    pass\nfor i, j in k:\n    continue\nelse:\n    z",
    "async def f():\n    async for a in b: pass\n    async with c as d, e: pass\n    await g\n",
    "@dec\n@dec2(1)\ndef f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:\n    '''doc'''\n    yield\n    yield 1\n    yield from g\n",
    "@dec\nclass C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): pass\n",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
    "try:\n    a\nexcept* E as e:\n    b\nexcept* F:\n    c",
    "with a as b, c as (d, e):\n    pass\nwith (a, b):\n    pass\nwith (open(x) as f, open(y) as g):\n    pass",
    "x = a and b or not c\ny = -a + +b * ~c / d // e % f ** g @ h << i >> j | k ^ l & m - n",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "f(a, *b, c=1, **d)\nf(x for x in y)\na.b.c\na[1:2, ::3, 4]\na[b:c:d]\na[...]",
    "lambda: 0\nlambda a, b=1, *c, d=2, **e: a\nx if y else z\n(y := 10)",
    "{1: 2, **a, 3: 4}\n{1, 2, *a}\n[1, *b]\n(1,)\n()\n[]\n{}",
    "[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x async for x in y)",
    "'abc' 'def'\nb'x' b'y'\nu'uni'\n1.5\n3j\n0xff\n1_000\nTrue\nNone\n...\nr'raw\\n'",
    "f'{a}'\nf'x{a!r}y{b:>{w}}z{c!s:.2f}'\nf'{a=}'\nf'{{}}{a}' 'tail'\nf'''multi\n{line}'''",
    "match x:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) as p:\n        pass\n    case None | True:\n        pass\n    case -1 | 1+2j | a.b:\n        pass\n    case _ if cond:\n        pass\n    case (1, 2, *_):\n        pass\n    case str():\n        pass",
    "def f():\n    x = yield\n    return (yield x)\n",
    "print(*a, sep='')\nx = [\n    1,\n    2,\n]\nif (a and\n    b): pass",
    "a = '\\u00e9t\\u00e9'; b = 'été'.upper(); c = f'é{b}é'",
    "x = 1;  y = 2  # comment\n\n\n@property\ndef g(): ...",
    "class A:\n    def __init__(self, x):\n        self.x = x\n\n    async def m(self):\n        return [i async for i in self]\n",
]

for src in CORPUS:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(compile("a.b(c)", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(ast.parse(b"x = 'bytes source'")))
