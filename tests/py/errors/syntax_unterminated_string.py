# unterminated string literal
print("this never runs")
s = "abc
