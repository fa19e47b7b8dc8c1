list(7)
