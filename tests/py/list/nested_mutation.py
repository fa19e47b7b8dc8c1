# mutation through references and nested structures
grid = []
for r in range(3):
    row = []
    for c in range(3):
        row.append(r * 3 + c)
    grid.append(row)
print(grid)
grid[1][1] = "center"
print(grid)
for row in grid:
    row.append("end")
print(grid[0], grid[2])
def add_item(lst, item):
    lst.append(item)
items = []
add_item(items, "a")
add_item(items, "b")
print(items)
def replace(lst):
    lst = [0]
    return lst
print(replace(items), items)
a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
d = {"list": [1]}
d["list"].append(2)
print(d)
