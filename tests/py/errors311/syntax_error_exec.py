exec("1 +* 2")
