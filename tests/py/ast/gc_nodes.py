# AST nodes are collectable: trees with parent links (cycles through the
# instance dicts), a node holding itself, and a list field holding its
# own node are freed by gc.collect() (checked with weak references).
import ast
import gc
import weakref

gc.collect()
t = ast.parse("def f(a):\n    return [a + b for b in c]\n")
for node in ast.walk(t):
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (ast.expr_context, ast.operator)):   # Load(), Add() are shared
            child.parent = node
ref = weakref.ref(t.body[0].body[0])
del t, node, child
gc.collect()
print("tree with parent links freed:", ref() is None)

n = ast.Name("x", ast.Load())
n.me = n
ref = weakref.ref(n)
del n
gc.collect()
print("self-referencing node freed:", ref() is None)

m = ast.Module([], [])
m.body.append(ast.If(ast.Constant(1), m.body, []))
ref = weakref.ref(m)
del m
gc.collect()
print("node in its own list freed:", ref() is None)

L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
b = ast.BinOp(ast.Constant(1, **L), ast.Add(), None, **L)
b.right = b
ref = weakref.ref(b)
try:
    compile(ast.Expression(b), "<c>", "eval")
except RecursionError as e:
    print("RecursionError", e)
del b
gc.collect()
print("cyclic tree freed after a failed compile:", ref() is None)
print(type(ast.AST.__dict__["__dict__"]).__name__ if "__dict__" in ast.AST.__dict__ else "no __dict__")
