r = [1 / (x - 2) for x in range(4)]
