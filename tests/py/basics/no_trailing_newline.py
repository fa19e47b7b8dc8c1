# no trailing newline at end of file
print("first")
print("last")  # comment