# tuples containing mutable objects and tuples as dict keys
t = ([1, 2], "s")
t[0].append(3)
print(t)
coords = {(0, 0): "origin", (1, 2): "point"}
print(coords[(0, 0)], coords[1, 2])
coords[(3, 4)] = "new"
print(coords)
print((1, 2) in coords, (2, 1) in coords)
grid = ((1, 2, 3), (4, 5, 6))
for row in grid:
    print(row, row[1])
print(grid[1][2])
print(len(grid), len(grid[0]))
