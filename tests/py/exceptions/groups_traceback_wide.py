# More than 15 members: the rest are summarised; the group is the cause of
# another exception; a SyntaxError member.
try:
    raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
except ExceptionGroup as e:
    try:
        compile("x = (", "<s>", "exec")
    except SyntaxError as se:
        s = se
    raise ExceptionGroup("two", [e, s]) from RuntimeError("cause")
