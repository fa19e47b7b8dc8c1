s = "\\x4"
print(s)
exec('t = "\\x4"')
