# getting and setting items
d = {"apple": 3, "banana": 5}
print(d["apple"])
d["cherry"] = 7
print(d)
d["apple"] = 10
print(d)
d["banana"] += 1
print(d["banana"])
d["apple"] -= 4
d["cherry"] *= 2
print(d)
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
nums = {1: "a", 2: "b"}
print(nums[1], nums[2])
nums[1.0] = "replaced via float key"
print(nums)
nums[True] = "replaced via True"
print(nums)
