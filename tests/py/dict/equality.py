# dict equality ignores order
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b)
print(a != b)
print({"x": 1} == {"x": 1.0})
print({"x": 1} == {"x": 2})
print({} == {})
print({1: [1, 2]} == {1: [1, 2]})
print(a == {"x": 1})
c = a.copy()
c["z"] = 3
print(a == c)
