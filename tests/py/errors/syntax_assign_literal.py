# assignment to a literal
print("this never runs")
1 = x
