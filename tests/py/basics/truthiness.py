# truth values of builtin objects
def show(label, v):
    if v:
        print(label, "is truthy")
    else:
        print(label, "is falsy")

show("0", 0)
show("1", 1)
show("-1", -1)
show("0.0", 0.0)
show("0.1", 0.1)
show("''", "")
show("'a'", "a")
show("[]", [])
show("[0]", [0])
show("()", ())
show("(0,)", (0,))
show("{}", {})
show("{0: 0}", {0: 0})
show("None", None)
show("True", True)
show("False", False)
print("not not x:", not not 0, not not 3, not not "", not not "x", not not [], not not None)
