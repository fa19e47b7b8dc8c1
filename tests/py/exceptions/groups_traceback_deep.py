# Nesting deeper than 10 levels is cut off.
e = ValueError("leaf")
for i in range(12):
    e = ExceptionGroup("level %d" % i, [e])
raise e
