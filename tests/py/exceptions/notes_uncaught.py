# __notes__ are printed after the exception line, also inside groups.
e = ValueError("v")
e.add_note("first note")
e.add_note("two\nlines")
try:
    e.add_note(3)
except TypeError as t:
    print(t)
raise ExceptionGroup("eg", [e, TypeError("t")])
