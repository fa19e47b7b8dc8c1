# slicing strings
s = "Hello, World"
print(s[0:5])
print(s[7:])
print(s[:5])
print(s[:])
print(s[-5:])
print(s[:-7])
print(s[3:3] == "")
print(s[5:2] == "")
print(s[100:])
print(s[-100:3])
print(s[2:100])
print(s[-5:-1], s[1:-1], s[-1:])
u = "αβγδε"
print(u[1:4], u[:2] + u[3:])
