# conditional expressions and boolean operators in conditions
for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
x = 5
print("even" if x % 2 == 0 else "odd")
print(1 if True else 2, 1 if False else 2)
a = [1, 2, 3]
print("non-empty" if a else "empty", "non-empty" if [] else "empty")
age = 20
if age >= 18 and age < 65:
    print("working age")
if age < 13 or age > 19:
    print("not a teenager")
if not (age == 21):
    print("not 21")
name = ""
display = name or "anonymous"
print(display)
