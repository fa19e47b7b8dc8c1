class Shape:
    count = 0
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls(*args)
    @classmethod
    def name(cls):
        return cls.__name__

class Circle(Shape):
    def __init__(self, r=1):
        self.r = r

c = Circle.create(3)
print(type(c).__name__, c.r, Circle.count, Shape.count)
print(Circle.name(), c.name(), Shape.name())
class Sq(Shape):
    @classmethod
    def name(cls):
        return "Sq<" + super().name() + ">"
print(Sq.name(), Sq().name())
bound = Sq.name
print(bound.__self__ is Sq, bound())
