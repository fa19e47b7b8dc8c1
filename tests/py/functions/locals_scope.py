# local variables are independent per call
def f(n):
    local = n * 2
    if n > 0:
        inner = f(n - 1)
    else:
        inner = "base"
    return [n, local, inner]
print(f(3))
y = 1
def uses_global():
    return y + 1
def assigns_local():
    y = 50
    return y
print(uses_global(), assigns_local(), y)
def loop_var_local():
    for k in range(3):
        pass
    return k
print(loop_var_local())
def param_shadow(len):
    return len
print(param_shadow(5), len("still builtin"))
