divmod(7, 0)
