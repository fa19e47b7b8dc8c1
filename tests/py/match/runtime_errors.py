# Errors raised while matching.
class C:
    pass

def check(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, type(e).__name__, e)

def pos_too_many():
    match C():
        case C(1):
            pass
check("too many positional", pos_too_many)

class One:
    __match_args__ = ("a",)
    a = 1
def one_too_many():
    match One():
        case One(1, 2):
            pass
check("too many for one", one_too_many)

def int_too_many():
    match 1:
        case int(1, 2):
            pass
check("int", int_too_many)

not_a_class = 5
def not_type():
    match C():
        case not_a_class():
            pass
check("not a type", not_type)

class BadArgs:
    __match_args__ = ["a"]
def bad_args():
    match BadArgs():
        case BadArgs(1):
            pass
check("list match args", bad_args)

class BadElem:
    __match_args__ = (1,)
def bad_elem():
    match BadElem():
        case BadElem(1):
            pass
check("int elem", bad_elem)

class Dup:
    __match_args__ = ("a",)
    a = 1
def dup_attr():
    match Dup():
        case Dup(1, a=1):
            pass
check("duplicate attribute", dup_attr)

class Raises:
    @property
    def boom(self):
        raise RuntimeError("property raised")
def prop_raises():
    match Raises():
        case Raises(boom=_):
            pass
check("property", prop_raises)

# an AttributeError from a property means "no match"
class NoAttr:
    @property
    def missing(self):
        raise AttributeError("nope")
match NoAttr():
    case NoAttr(missing=m):
        print("matched?")
    case _:
        print("AttributeError -> no match")

# duplicate keys found at run time
class K:
    a = "x"
    b = "x"
def dup_keys():
    match {"x": 1}:
        case {K.a: 1, K.b: 1}:
            pass
check("duplicate key", dup_keys)

# unhashable key at run time
class U:
    key = []
def unhashable():
    match {}:
        case {U.key: 1}:
            pass
check("unhashable", unhashable)

# comparison raising
class BadEq:
    def __eq__(self, other):
        raise TypeError("no comparing")
def bad_eq():
    match BadEq():
        case 1:
            pass
check("eq raises", bad_eq)

# __len__ raising in a sequence subject
class BadLen(list):
    def __len__(self):
        raise OverflowError("len failed")
def bad_len():
    match BadLen([1]):
        case [x]:
            pass
check("len raises", bad_len)

# an uncaught error from a pattern
match C():
    case C(1):
        pass
