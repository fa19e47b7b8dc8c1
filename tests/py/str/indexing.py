# indexing strings
s = "Python"
print(s[0], s[1], s[5])
print(s[-1], s[-2], s[-6])
print(len(s))
i = 0
while i < len(s):
    print(i, s[i])
    i += 1
u = "héllo wörld"
print(u[1], u[7], u[-1])
print(len(u))
e = "a🐍b"
print(e[1], len(e), e[2])
print("abc"[1])
print(isinstance(s[0], str), len(s[0]))
