samples = ["", "abc", "ABC", "Abc", "123", "١٢٣", "²", "½", "a b", " \t\n", "Title Case", "abc123", "_id", "1x", "class", "é", "\u2028", "x\u0301"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
