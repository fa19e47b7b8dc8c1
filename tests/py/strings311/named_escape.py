print("\N{BULLET}", len("\N{BULLET}"))
print("\N{GREEK SMALL LETTER ALPHA}" == "\u03b1")
print(repr("\N{NO-BREAK SPACE}"))
