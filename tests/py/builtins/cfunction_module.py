# builtin functions' __module__ (doctest's finder and inspect.getmodule use it)
import math, sys, itertools
print(math.sqrt.__module__, sys.getrecursionlimit.__module__, len.__module__, [].append.__module__)
print(sys.modules[math.floor.__module__] is math)
