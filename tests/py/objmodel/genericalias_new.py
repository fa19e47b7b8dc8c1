# types.GenericAlias is constructible (origin, args) and subclassable, as
# collections.abc's _CallableGenericAlias and typing need; CPython's errors.
GA = type(list[int])
print(GA(list, int), GA(list, (int, str)), GA(dict, (str, int)) == dict[str, int], GA(1, 2))
a = GA(tuple, (int, ...))
print(a.__origin__, a.__args__, a.__parameters__, a == tuple[int, ...])
for call in [lambda: GA(), lambda: GA(list), lambda: GA(list, int, 1), lambda: GA(list, int, x=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

class Sub(GA):
    __slots__ = ()
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)
    def __repr__(self):
        return "Sub!" + super().__repr__()
s = Sub(dict, (str, int))
print(s, type(s).__name__, s.__origin__, s.__args__, isinstance(s, GA))
print(GA.__name__, GA.__module__)
