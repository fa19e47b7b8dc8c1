class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return "field " + self.name

class Model:
    first = Field()
    second = Field()
    other = 3

m = Model()
print(m.first, m.second)
f = Field()
Model.late = f
print(hasattr(f, "name"))
f.__set_name__(Model, "late")
print(m.late)
