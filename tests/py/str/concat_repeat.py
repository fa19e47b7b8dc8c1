# + and * on strings
a = "foo"
b = "bar"
print(a + b)
print(a + " " + b)
print(a * 3)
print(3 * b)
print("-" * 20)
print("x" * 0 == "")
print("x" * -5 == "")
print(("ab" + "cd") * 2)
s = ""
for i in range(5):
    s += str(i)
print(s)
s += "!"
s *= 2
print(s)
print(len("abc" * 100))
print("é" * 3, "🐍" * 2)
