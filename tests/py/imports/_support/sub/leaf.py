from ..geometry import area
leaf_value = area(2, 21)
