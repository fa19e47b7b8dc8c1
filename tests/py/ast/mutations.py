# Every field (and lineno) of every node of a few trees replaced by each of
# a set of wrong values, then compiled: the exception (type and message)
# or success must be CPython's, and nothing may crash.  Values that crash
# CPython 3.11 itself (None inside a list of identifiers, handlers,
# patterns ...) are left out; Tandem refuses them with a ValueError.
import ast

SOURCES = [
    "@d\ndef f(a, /, b: int = 1, *c, d=2, **e) -> r:\n    x = y[1:2] = z\n    return (w := a + -b)\n",
    "for i, *j in k:\n    del q.r\nelse:\n    with m as n:\n        raise E from F\n",
    "try:\n    pass\nexcept T as e:\n    g(*a, k=1, **kw)\nfinally:\n    assert x, 'm'\n",
    "class C(B, metaclass=M):\n    v: int = {1: [s for s in t if s], **u}\n",
    "match p:\n    case [1, *r] | {'k': -1, **r}:\n        pass\n    case C(1+2j, a=b.c) as z if z:\n        pass\n    case None:\n        pass\n",
    "import a.b as c\nfrom .m import (x as y)\nglobal g\nx = f'{a!r:>{w}}' if not b else lambda q=1: q\n",
]
VALUES = [None, [], 5, "s", ast.Pass(), ast.Load(), ast.Constant(1), [None],
          [ast.Name("x", ast.Load())], ast.Name("y", ast.Store())]
SKIP_NONE_IN = {"names", "handlers", "patterns", "kwd_patterns", "cases", "items", "generators",
                "keywords", "kwd_attrs", "posonlyargs", "args", "kwonlyargs"}


def fresh(v):
    if isinstance(v, ast.AST):
        v = type(v)(*[getattr(v, f) for f in v._fields])
        return ast.fix_missing_locations(v)
    return list(v) if isinstance(v, list) else v


results = {}
for s in SOURCES:
    count = len(list(ast.walk(ast.parse(s))))
    for idx in range(count):
        probe = list(ast.walk(ast.parse(s)))[idx]
        for field in probe._fields + ("lineno",):
            for vi, v in enumerate(VALUES):
                if vi == 7 and (field in SKIP_NONE_IN or (type(probe).__name__ == "MatchMapping" and field == "keys")):
                    continue
                if field == "lineno" and vi not in (0, 2, 3):
                    continue   # the location attributes: a few values are enough
                if vi == 6 and (field == "func" or (type(probe).__name__ == "Subscript" and field == "value")):
                    continue   # "SyntaxWarning: 'int' object is not callable" (stderr)
                tree = ast.parse(s)
                setattr(list(ast.walk(tree))[idx], field, fresh(v))
                try:
                    compile(tree, "<m>", "exec")
                    r = "ok"
                except Exception as e:
                    msg = str(e)
                    if " object at 0x" in msg:
                        msg = msg.split(" object at 0x")[0] + ">"
                    r = type(e).__name__ + ": " + msg
                key = (type(probe).__name__, field, vi, r)
                results[key] = results.get(key, 0) + 1
for key in sorted(results, key=repr):
    print(*key, results[key])
print(len(results), sum(results.values()))
