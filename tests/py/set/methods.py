s = {1, 2, 3}
s.add(4); s.add(1)
print(s)
s.discard(2); s.discard(100)
print(s)
s.remove(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
c = s.copy()
c.add(50)
print(s, c)
s.clear()
print(s, len(s))
p = {7}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print('KeyError', e)
s = set(range(5))
s.update([10, 11], (12,), {13})
print(s)
s.difference_update({0, 1}, [2])
print(s)
s.intersection_update(range(11), {3, 4, 10, 99})
print(s)
s.symmetric_difference_update({4, 5})
print(s)
a = {1, 2, 3}
print(a.union(), a.union([4], (5,), {6}))
print(a.intersection(), a.intersection([2, 3, 4], {3}))
print(a.difference(), a.difference([1]), a.difference({1}, [2]))
print(a.symmetric_difference([3, 4]))
print(a.isdisjoint([4, 5]), a.isdisjoint({3}), a.isdisjoint(a), set().isdisjoint(set()))
print(a.issubset([1, 2, 3, 4]), a.issubset({1}), a.issuperset([1]), a.issuperset({9}))
print(a.__contains__(1), a.__contains__(9))
r = set(range(8))
out = []
while r:
    out.append(r.pop())
print(out)
