# while ... else
i = 0
while i < 3:
    i += 1
else:
    print("else runs when condition becomes false, i =", i)
i = 0
while i < 10:
    if i == 4:
        print("breaking at", i)
        break
    i += 1
else:
    print("this else does not run")
while False:
    print("never")
else:
    print("else runs even if the body never ran")
def find(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            break
        i += 1
    else:
        return "not found"
    return "found at " + str(i)
print(find([5, 6, 7], 6))
print(find([5, 6, 7], 9))
