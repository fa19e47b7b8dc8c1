# float.__getformat__ (test.support asks it at import): the storage format
# of C double and float, and the errors for anything else
for a in ("double", "float", "int", 3):
    try:
        print(float.__getformat__(a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
