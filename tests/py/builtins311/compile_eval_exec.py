code = compile("x * 2", "<s>", "eval")
print(eval(code, {"x": 21}))
print(eval("1 + 2"), eval("a + b", {"a": 1}, {"b": 2}))
ns = {}
exec("def f(n):\n    return n + 1\ny = f(4)", ns)
print(ns["y"], ns["f"](10))
exec(compile("z = 5", "<x>", "exec"), ns)
print(ns["z"])
print(eval("[i*i for i in range(4)]"))
g = {"v": 1}
exec("v += 1", g)
print(g["v"])
print(exec("1") is None)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("x", "<s>", "bogus")
except ValueError as e:
    print("ValueError", e)
