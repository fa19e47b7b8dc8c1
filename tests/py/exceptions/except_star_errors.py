# except* syntax and type errors, as CPython 3.11.
import sys

for src in [
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

# a loop inside the clause may use break/continue
def g():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        for i in range(3):
            if i == 1:
                continue
            if i == 2:
                break
            print("loop", i)
    return "g"
print(g())

for t in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int):
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* t:
            print("caught?")
    except TypeError as e:
        print("TypeError:", e, "| context:", repr(e.__context__))
