# abc: __abstractmethods__, register, __subclasshook__, isinstance/issubclass.
# (Instantiation refusal is tested by objmodel/abstract_like.py.)
from abc import ABC, ABCMeta, abstractmethod, get_cache_token, update_abstractmethods
import abc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return "%s: %s" % (self.name(), self.area())

class Half(Shape):
    def name(self):
        return "half"

class Sq(Half):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Sq.__abstractmethods__)
print(Sq(3).describe(), type(Shape) is ABCMeta, isinstance(Shape, ABCMeta))
print(isinstance(Sq(1), Shape), issubclass(Sq, Shape), issubclass(int, Shape), isinstance(1, Shape))
print(Shape.area.__isabstractmethod__, hasattr(Sq.area, "__isabstractmethod__"))

class Plain:
    pass
print(Shape.register(Plain) is Plain, issubclass(Plain, Shape), isinstance(Plain(), Half))
class Sub(Plain):
    pass
print(issubclass(Sub, Shape), isinstance(Sub(), Shape))
@Half.register
class Deco:
    pass
print(issubclass(Deco, Half), issubclass(Deco, Shape), issubclass(Deco, Sq))
try:
    Shape.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    Plain.register
except AttributeError as e:
    print("AttributeError", e)
try:
    issubclass(5, Shape)
except TypeError as e:
    print("TypeError", e)

class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(issubclass(list, Sized), issubclass(int, Sized), isinstance("ab", Sized), isinstance(3, Sized))

t = get_cache_token()
class R(ABC):
    pass
R.register(int)
print(get_cache_token() == t + 1, isinstance(5, R), isinstance(True, R), isinstance("5", R))

class Later(ABC):
    @abstractmethod
    def f(self):
        pass
Later.f = lambda self: 1
print(sorted(Later.__abstractmethods__), sorted(update_abstractmethods(Later).__abstractmethods__))
