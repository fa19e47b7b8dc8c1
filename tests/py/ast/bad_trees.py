# Malformed trees given to compile(): CPython's exception types and
# messages, never a crash (None where a node is needed, wrong node types,
# cycles, deep nesting, bad constants and contexts).
import ast

def attempt(label, tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print(label, "compiled")
    except Exception as e:
        msg = str(e)
        if " object at 0x" in msg:   # the repr's address differs from run to run
            msg = msg.split(" object at 0x")[0] + " object>"
        print(label, type(e).__name__, msg)

L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)

def expr_mod(e):
    return ast.Module([ast.Expr(e, **L)], [])

attempt("not mod", ast.Name("x", ast.Load()))
attempt("wrong mode", ast.Module([], []), "eval")
attempt("body not list", ast.Module(5, []))
attempt("no lineno", ast.Module([ast.Pass()], []))
attempt("int stmt", ast.Module([5], []))
attempt("None stmt", ast.Module([None], []))
attempt("expr as stmt", ast.Module([ast.Name("x", ast.Load(), **L)], []))
attempt("missing value", ast.Module([ast.Expr(**L)], []))
attempt("None value", ast.Module([ast.Expr(None, **L)], []))
attempt("stmt as expr", expr_mod(ast.Pass(**L)))
attempt("bad op", expr_mod(ast.BinOp(ast.Constant(1, **L), ast.Load(), ast.Constant(2, **L), **L)))
attempt("store ctx", expr_mod(ast.Name("x", ast.Store(), **L)))
attempt("None name", expr_mod(ast.Name("None", ast.Load(), **L)))
attempt("id int", expr_mod(ast.Name(5, ast.Load(), **L)))
attempt("bad constant", expr_mod(ast.Constant([1], **L)))
attempt("ok constant", expr_mod(ast.Constant((1, frozenset({2}), b"x", 1j, ...), **L)))
attempt("lineno str", ast.Module([ast.Pass(lineno="1", col_offset=0)], []))
attempt("empty body", ast.Module([ast.While(ast.Constant(1, **L), [], [], **L)], []))
attempt("empty targets", ast.Module([ast.Assign([], ast.Constant(1, **L), **L)], []))
attempt("load target", ast.Module([ast.Assign([ast.Name("x", ast.Load(), **L)], ast.Constant(1, **L), **L)], []))
attempt("call target", ast.Module([ast.Assign([ast.Call(ast.Name("f", ast.Load(), **L), [], [], **L)],
                                               ast.Constant(1, **L), **L)], []))
attempt("compare", expr_mod(ast.Compare(ast.Constant(1, **L), [ast.Lt(), ast.Lt()], [ast.Constant(2, **L)], **L)))
attempt("compare none", expr_mod(ast.Compare(ast.Constant(1, **L), [], [], **L)))
attempt("boolop", expr_mod(ast.BoolOp(ast.And(), [ast.Constant(1, **L)], **L)))
attempt("dict", expr_mod(ast.Dict([None], [], **L)))
attempt("args not list", expr_mod(ast.Call(ast.Name("f", ast.Load(), **L), (), [], **L)))
attempt("try", ast.Module([ast.Try([ast.Pass(**L)], [], [], [], **L)], []))
attempt("raise", ast.Module([ast.Raise(None, ast.Constant(1, **L), **L)], []))
attempt("import level", ast.Module([ast.ImportFrom("m", [ast.alias("x", **L)], -1, **L)], []))
attempt("kw_defaults", expr_mod(ast.Lambda(ast.arguments([], [], None, [ast.arg("a", **L)], [], None, []),
                                           ast.Constant(1, **L), **L)))
attempt("arguments missing", expr_mod(ast.Lambda(ast.Name("x", ast.Load(), **L), ast.Constant(1, **L), **L)))
attempt("comprehension", expr_mod(ast.ListComp(ast.Constant(1, **L), [], **L)))
attempt("starred store", expr_mod(ast.Starred(ast.Name("x", ast.Load(), **L), ast.Load(), **L)))
attempt("matchas", ast.Module([ast.Match(ast.Name("x", ast.Load(), **L),
                                         [ast.match_case(ast.MatchAs(ast.MatchStar(**L), None, **L), None,
                                                         [ast.Pass(**L)])], **L)], []))
attempt("big int lineno", ast.Module([ast.Pass(lineno=2**40, col_offset=0)], []))

# a cycle: the BinOp is its own operand
b = ast.BinOp(ast.Constant(1, **L), ast.Add(), None, **L)
b.right = b
attempt("cycle", expr_mod(b))
# a list holding itself
m = ast.Module([], [])
m.body.append(ast.If(ast.Constant(1, **L), m.body, [], **L))
attempt("list cycle", m)
# deep nesting
e = ast.Constant(0, **L)
for i in range(3000):
    e = ast.UnaryOp(ast.USub(), e, **L)
attempt("deep", expr_mod(e))

# constructors
try:
    ast.BinOp(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    ast.Pass(1)
except TypeError as e:
    print(e)
try:
    ast.Name("x", id="y")
except TypeError as e:
    print(e)
n = ast.Name(id="x", ctx=ast.Load(), extra=5)
print(n.id, n.extra, ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes)
print(ast.FunctionDef.returns, ast.expr.end_lineno, ast.arg.end_col_offset, hasattr(ast.pattern, "end_lineno"))
print(ast.BinOp.__doc__, ast.comprehension.__doc__, sep="\n")
print(isinstance(ast.Load(), ast.expr_context), ast.Add.__mro__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(type(ast.parse("x").body[0].value.ctx) is ast.Load)
match ast.parse("x + 1", mode="eval").body:
    case ast.BinOp(ast.Name(n), ast.Add(), ast.Constant(v)):
        print("matched", n, v)
try:
    compile("x", "<s>", "exec", 0x8000000)
except ValueError as e:
    print(e)
try:
    compile("x", "<s>", "bogus", ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)

# a source that parses but whose tree is too deep to become objects
# (CPython 3.11 counts three times the recursion limit)
for n in (1000, 5000):
    try:
        t = ast.parse("+".join(["1"] * n))
        print(n, "terms:", type(t.body[0].value).__name__)
    except RecursionError as e:
        print(n, "terms:", e)

import sys
print("_ast" in sys.builtin_module_names)
