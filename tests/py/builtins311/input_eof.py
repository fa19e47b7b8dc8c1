try:
    input()
except EOFError as e:
    print("EOFError", repr(e))
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
