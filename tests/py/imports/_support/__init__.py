# package used by the import tests
print("init _support", __name__, __package__)
VERSION = "1.0"
