class T:
    def __pow__(s, o, m=None): return "pow"
    def __rpow__(s, o): return "rpow"
print(T() ** 2, 2 ** T(), pow(T(), 2, 5))
