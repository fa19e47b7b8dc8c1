print((10).bit_length(), (-10).bit_count(), (6).as_integer_ratio(), (5).is_integer() if hasattr(5, "is_integer") else "n/a")
print(int.__new__(int, 5), int("5").__index__(), (3).__int__(), (3).__float__(), (3).__round__(), (1234).__round__(-2))
print((17).__divmod__(5), (17).__rdivmod__(5), (3).__trunc__(), (3).__ceil__(), (3).__floor__())
