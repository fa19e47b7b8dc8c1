# copy and clear
d = {"a": [1], "b": 2}
c = d.copy()
print(c == d, c is d)
c["b"] = 20
print(d, c)
c["a"].append(2)
print("shallow:", d)
d.clear()
print(d, len(d))
print(c)
alias = c
alias.clear()
print(c)
