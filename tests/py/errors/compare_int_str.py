# ordering comparison between int and str
print(1 < 2, "a" < "b")
print(1 == "1")
print(1 < "2")
