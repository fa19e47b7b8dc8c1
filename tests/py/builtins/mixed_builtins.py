# builtins used together
nums = [4, -9, 16, -25, 36]
print("count:", len(nums))
print("sum:", sum(nums))
abs_total = 0
for n in nums:
    abs_total += abs(n)
print("abs total:", abs_total)
print("range of values:", max(nums) - min(nums))
print("mean:", sum(nums) / len(nums))
text = "10,20,x,30"
total = 0
for part in text.split(","):
    if part != "x":
        total += int(part)
print("parsed total:", total)
print("as float:", float(str(total)) / 4)
print(str(len(range(0, 50, 5))) + " steps")
print(isinstance(sum([1, 2]), int), isinstance(sum([1.0, 2]), float))
print(max(len("a"), len("abc"), len("ab")))
print(int(max("3", "10")), max(int("3"), int("10")))
