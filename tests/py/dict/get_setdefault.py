# get and setdefault
d = {"a": 1}
print(d.get("a"))
print(d.get("b"))
print(d.get("b", "default"))
print(d.get("a", "default"))
print(d)
print(d.setdefault("a", 100))
print(d.setdefault("b", 200))
print(d.setdefault("c"))
print(d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
