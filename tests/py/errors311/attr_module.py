import math
math.not_a_function()
