# explicit and implicit line continuation
total = 1 + \
    2 + \
    3
print("backslash:", total)
values = [
    1,
    2,
    3,
]
print("list over lines:", values)
result = (10
          - 3
          * 2)
print("parens:", result)
d = {
    "a": 1,
    "b": 2
}
print("dict over lines:", d)
print("call",
      "over",
      "lines")
if (total > 5 and
        result < 10):
    print("condition over lines")
s = ("implicit "
     "concatenation "
     "of strings")
print(s)
t = 1, \
    2
print("tuple:", t)
