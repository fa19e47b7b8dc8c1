u = int | str
print(u, type(u).__name__, isinstance(1, u), isinstance(1.0, u), issubclass(bool, int | None))
print(int | None, (int | str) == (str | int), list[int] | None)
