x = 1
print(x)
y = b'abc' 'def'
