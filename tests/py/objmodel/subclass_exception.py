class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code

class NotFound(AppError):
    def __str__(self):
        return "not found: %s" % self.args[1]

try:
    raise NotFound(404, "page")
except AppError as e:
    print(type(e).__name__, e.code, e.args, str(e), repr(e))

class Plain(ValueError):
    pass
try:
    raise Plain("bad", 1)
except ValueError as e:
    print(repr(e), str(e), e.args)

e = Exception()
print(repr(e), str(e) == "", e.args)
e1 = KeyError("k")
print(str(e1), repr(e1))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
