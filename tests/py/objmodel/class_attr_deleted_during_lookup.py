# Attribute look-up on an instance finds the class attribute first, then
# checks the instance dict; a key there whose __eq__ deletes the class
# attribute must not free the value the look-up is about to return (the
# look-up holds a strong reference to it, as CPython does).


class Trap:
    """A dict key that collides with a name and, when compared, deletes
    that attribute from cls (its only reference) and churns memory."""
    def __init__(self, cls, name):
        self.cls = cls
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        if hasattr(self.cls, self.name):
            delattr(self.cls, self.name)
        junk = [[i, str(i)] for i in range(200)]
        return False


def fresh_value():
    return ["class", "value", len("xyz")]


def make_method():
    def meth(self, x):
        return ("meth", x * 2)
    return meth


class C:
    pass


for round_ in range(3):
    # A plain class attribute (not a descriptor).
    C.attr = fresh_value()
    obj = C()
    obj.__dict__[Trap(C, "attr")] = "trap"
    print("attr:", obj.attr, hasattr(C, "attr"))

    # A method: obj.meth(...) looks the function up and calls it.
    C.meth = make_method()
    obj = C()
    obj.__dict__[Trap(C, "meth")] = "trap"
    print("meth:", obj.meth(round_), hasattr(C, "meth"))

    # The same through getattr() with a run-time name.
    C.meth = make_method()
    obj = C()
    obj.__dict__[Trap(C, "meth")] = "trap"
    f = getattr(obj, "me" + "th")
    print("getattr:", f(10), hasattr(C, "meth"))
