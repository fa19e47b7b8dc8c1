# pass statements and empty-ish bodies
def nothing():
    pass

print("nothing() returns", nothing())
if True:
    pass
print("after if pass")
for i in range(3):
    pass
print("loop var after pass loop:", i)
while False:
    pass
def only_doc():
    "just a docstring"
print("only_doc() returns", only_doc())
x = 5
x
print("expression statement ignored, x =", x)
