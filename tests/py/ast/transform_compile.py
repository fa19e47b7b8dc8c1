# Python AST objects compiled back: NodeTransformer, hand-built trees,
# fix_missing_locations, unparse round trips, eval/exec of the code.
import ast

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

src = "def f(x, y=3):\n    return x + y + 1\nprint(f(1), [i * 10 for i in range(3)])\n"
tree = Double().visit(ast.parse(src))
exec(compile(tree, "<double>", "exec"), {})

class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "a":
            node.id = "b"
        return node

t = Rename().visit(ast.parse("a * 2", mode="eval"))
print(eval(compile(t, "<r>", "eval"), {"b": 21}))

# built by hand, positions filled in
m = ast.Module(body=[
    ast.Assign(targets=[ast.Name("v", ast.Store())],
               value=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Name("v", ast.Load())], [])),
    ast.If(ast.Compare(ast.Name("v", ast.Load()), [ast.Gt(), ast.Lt()], [ast.Constant(1), ast.Constant(100)]),
           [ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("between")], []))], []),
], type_ignores=[])
ast.fix_missing_locations(m)
exec(compile(m, "<hand>", "exec"), {})
print(ast.unparse(m))

e = ast.Expression(ast.Lambda(ast.arguments([], [ast.arg("q")], None, [], [], None, []),
                              ast.BinOp(ast.Name("q", ast.Load()), ast.Pow(), ast.Constant(2))))
ast.fix_missing_locations(e)
print(eval(compile(e, "<lam>", "eval"))(9))

# single mode
i = ast.Interactive([ast.Expr(ast.Constant(5))])
ast.fix_missing_locations(i)
c = compile(i, "<i>", "single")
print(type(c).__name__)

# unparse round trips: parse(unparse(parse(s))) == parse(s)
SOURCES = [
    "x = (1, 2)\nfor a, *b in c:\n    print(a, b, sep='-')\n",
    "async def f(a, /, b=1, *, c, **d):\n    async with x as y:\n        await z\n    return [i async for i in g]\n",
    "class C(B, metaclass=M):\n    @staticmethod\n    def m() -> int:\n        return 1 if x else 2\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nfinally:\n    del q\n",
    "match p:\n    case [1, *r] | {'a': 2, **r}:\n        pass\n    case C(x, y=1) as z if z:\n        pass\n",
    "f'{a!r:>{w}}' + b'x' + u'y'\nlambda *a, **k: (a, k)\nx[1:2, ...]\n(y := 3)\n",
    "global g\nwith open(f) as h, lock:\n    h.write(s)\nwhile not done:\n    break\nelse:\n    pass\n",
]
for s in SOURCES:
    t1 = ast.parse(s)
    text = ast.unparse(t1)
    print(text)
    print(ast.dump(ast.parse(text)) == ast.dump(t1))
    print(type(compile(t1, "<rt>", "exec")).__name__)

# walking and visiting
t = ast.parse(SOURCES[2])
print(sorted({type(n).__name__ for n in ast.walk(t)}))
print(ast.get_docstring(ast.parse('def f():\n    """Doc  string."""\n').body[0], clean=False))
print([ast.get_source_segment(SOURCES[0], n) for n in ast.walk(ast.parse(SOURCES[0])) if isinstance(n, ast.Call)])

class Count(ast.NodeVisitor):
    def __init__(self):
        self.n = 0
    def visit_Name(self, node):
        self.n += 1
        self.generic_visit(node)
cv = Count()
cv.visit(ast.parse(SOURCES[5]))
print(cv.n)

# increment_lineno, copy, __reduce__ (pickle imports re, not importable on
# Tandem yet)
import copy
t = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t, 10)
print([n.lineno for n in t.body])
t2 = copy.deepcopy(t)
print(ast.dump(t2) == ast.dump(t), t2 is not t)
red = t.body[0].__reduce__()
print(red[0] is ast.Assign, red[1], sorted(red[2]))
t3 = copy.copy(t.body[0])
print(ast.dump(t3, include_attributes=True) == ast.dump(t.body[0], include_attributes=True))

# compile of an AST with PyCF_ONLY_AST gives it back
print(compile(t, "<x>", "exec", ast.PyCF_ONLY_AST) is t)
# __future__ in a tree, docstrings, error locations of compiled trees
ns = {}
exec(compile(ast.parse("from __future__ import annotations\ndef f(x: int) -> List[int]:\n    'doc'\n    return x\n"), "<f>", "exec"), ns)
print(ns["f"].__annotations__, ns["f"].__doc__)
t = ast.parse("def g(a):\n    return a[0] + a.b\n")
exec(compile(t, "<g>", "exec"), ns)
try:
    ns["g"]([1])
except AttributeError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, e)
m = ast.Module([ast.FunctionDef("h", ast.arguments([], [], None, [], [], None, []),
                                [ast.Return(ast.BinOp(ast.Constant(1), ast.Div(), ast.Constant(0)))], [])], [])
ast.fix_missing_locations(m)
exec(compile(m, "<h>", "exec"), ns)
try:
    ns["h"]()
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno)
try:
    compile(ast.parse("def f():\n    nonlocal q\n"), "<nl>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.filename, repr(e.text))
try:
    compile(ast.parse("x = 1\nbreak\n"), "<br>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.filename, repr(e.text))
print(eval(compile(ast.parse("[i*i for i in range(4)]", mode="eval"), "<e>", "eval")))
exec(compile(ast.Interactive([ast.Expr(ast.Constant(42, lineno=1, col_offset=0), lineno=1, col_offset=0)]), "<i>", "single"))
