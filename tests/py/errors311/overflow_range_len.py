len(range(10**30))
