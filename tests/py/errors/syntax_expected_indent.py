# expected an indented block
print("this never runs")
for i in range(3):
print(i)
