# mutually recursive functions (defined before use at call time)
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

for n in [0, 1, 2, 7, 10, 101]:
    print(n, "even" if is_even(n) else "odd", is_odd(n))

def hofstadter_f(n):
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))

def hofstadter_m(n):
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))

fs = []
ms = []
for i in range(15):
    fs.append(hofstadter_f(i))
    ms.append(hofstadter_m(i))
print("F:", fs)
print("M:", ms)
