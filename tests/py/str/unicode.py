# unicode text handling
s = "naïve café Ωmega 中文 🐍"
print(s)
print(len(s))
print(s.upper())
print(s[6:10])
print(s.split())
print(s.find("Ω"))
print(s.count("é"))
print("é" == "\u00e9")
print("e\u0301" == "é", len("e\u0301"))
print("ß".upper(), "İ".lower() == "i̇")
for ch in "añ中":
    print(ch, ch in "abc")
