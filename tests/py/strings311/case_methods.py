for s in ["hello World", "ÉCOLE", "ß", "ǅ", "İ", "ﬁ", "a1b2", "", "HeLLo_wOrld-x y"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("they're bill's".title(), "hello world".capitalize(), "hELLO".capitalize())
