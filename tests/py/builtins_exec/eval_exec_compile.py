x = 10
print(eval("x * 2"), eval("  1 + 2"), eval("y + 1", {"y": 5}), eval("a + b", {"a": 1}, {"b": 2}))
exec("z = x + 5")
print(z)
ns = {}
exec("def f(n):\n    return n * 3\nr = f(4)", ns)
print(ns["r"], sorted(k for k in ns if k != "__builtins__"))
code = compile("40 + 2", "<calc>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
def local_eval():
    q = 7
    return eval("q + 1")
print(local_eval())
for src in ["1 +", "x = ("]:
    try:
        eval(src) if src == "1 +" else exec(src)
    except SyntaxError as e:
        print("SyntaxError", e)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print(e)
try:
    eval(5)
except TypeError as e:
    print(e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
