print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(int | str, int | None, isinstance(1, int | str), isinstance("a", int | float), issubclass(bool, int | str))
print((int | str) == (str | int), list[int] == list[int], list[int]().__class__, list[int].__origin__, list[int].__args__)
u = int | str | int
print(u, u.__args__)
class C: pass
print(C | None, list[C])
print(hash(int | str) == hash(int | str))
