f = lambda x: x["k"]
f({})
