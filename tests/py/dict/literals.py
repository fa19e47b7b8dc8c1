# dict literals and printing
print({})
print({"a": 1})
print({"a": 1, "b": 2, "c": 3})
print({1: "one", 2.5: "two and a half", None: "none", True: "yes"})
print({(1, 2): [3, 4]})
print({"nested": {"x": 1}})
print({"a": 1, "a": 2})
print({1: "int", 1.0: "float"})
print(len({}), len({"a": 1, "b": 2}))
d = {"k": "v",}
print(d)
print({"q": "it's"}, {'dq': 'say "x"'})
print(isinstance({}, dict))
