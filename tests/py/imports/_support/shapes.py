from . import geometry
from .geometry import area as _area
__all__ = ["square", "Circle"]
def square(n):
    return geometry.area(n, n)
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return round(3.14159 * self.r * self.r, 2)
def _hidden():
    return "hidden"
helper = "not exported"
