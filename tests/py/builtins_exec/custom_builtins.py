# Code run by exec/eval takes its builtins from the globals' __builtins__
# (a dict, a module standing for its dict, or any mapping), and a function
# keeps the builtins of the globals it was made with (CPython's
# _PyEval_BuiltinsFromGlobals); exec inserts the caller's builtins dict
# when the globals have none.
import sys
def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
attempt("exec empty builtins", lambda: exec("print('hi')", {"__builtins__": {}}))
attempt("exec len in custom", lambda: exec("r = len([1])", g := {"__builtins__": {"len": lambda x: 42}}) or g["r"])
attempt("eval custom", lambda: eval("len('ab')", {"__builtins__": {"len": lambda x: -1}}))
attempt("eval empty", lambda: eval("len('ab')", {"__builtins__": {}}))
attempt("eval module", lambda: eval("len('ab')", {"__builtins__": sys.modules["builtins"]}))
g = {}
exec("x = 1", g)
print("inserted:", type(g["__builtins__"]).__name__, g["__builtins__"] is __builtins__.__dict__)
ns = {"__builtins__": {"print": print}}
exec("def f():\n    return len\n", ns)
attempt("function in custom builtins", ns["f"])
ns = {"__name__": "m", "__builtins__": {"print": print, "__build_class__": __build_class__}}
exec("class K:\n    pass\nprint('class ok', K.__name__)", ns)
attempt("class without __build_class__", lambda: exec("class K: pass", {"__builtins__": {}}))
class Mapping:
    def __getitem__(self, k):
        if k == "len":
            return lambda x: "mapped"
        raise KeyError(k)
attempt("mapping builtins", lambda: eval("len(1)", {"__builtins__": Mapping()}))
attempt("mapping builtins miss", lambda: eval("abs(1)", {"__builtins__": Mapping()}))
attempt("int builtins", lambda: eval("abs(1)", {"__builtins__": 5}))
def mk():
    ns = {"__builtins__": {}}
    exec("def g():\n    return abs(-1)\n", ns)
    return ns["g"]
gf = mk()
attempt("function keeps builtins", gf)
ns = {"__builtins__": {}}
exec("def h():\n    return abs(-1)\n", ns)
ns["__builtins__"] = {"abs": lambda x: "late"}
attempt("builtins captured at def", ns["h"])
attempt("lambda in eval", lambda: eval("lambda: len", {"__builtins__": {}})())
attempt("genexp", lambda: list(eval("(len(x) for x in 'ab')", {"__builtins__": {}})))
attempt("listcomp", lambda: eval("[len(x) for x in 'ab']", {"__builtins__": {"len": lambda x: 7}}))
attempt("exec replaces during run", lambda: exec("__builtins__ = {}\nprint(1)", {}))
