# A file full of comments
# print("this must not run")
x = 1  # trailing comment
# indented comment below
if x:
    # comment inside block
    print("inside if")  # another trailing comment
        # oddly indented comment is fine
    print("still inside")
print("hash in string: # not a comment")
print('single # quoted')
"""A docstring-like expression statement is ignored."""
print("after string statement")
# last line comment without newline at end
