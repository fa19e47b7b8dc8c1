import sys, builtins
exec(compile("1 + 2", "<s>", "single"))
print(builtins._)
exec(compile("None", "<s>", "single"))
print(builtins._)
exec(compile("'a'; 'b'", "<s>", "single"))
exec(compile("for i in range(2): i\n", "<s>", "single"))
exec(compile("if True:\n    [1, 2]\n", "<s>", "single"))
exec(compile("def f():\n    42\n", "<s>", "single"))
f()
def hook(v):
    print("hook got", repr(v))
sys.displayhook = hook
exec(compile("'custom'", "<s>", "single"))
sys.displayhook = sys.__displayhook__
del sys.displayhook
try:
    exec(compile("5", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
for src in ["x = 1\nx\n", "1\n2\n"]:
    try:
        compile(src, "<s>", "single")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
