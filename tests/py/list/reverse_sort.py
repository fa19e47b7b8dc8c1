# reverse and sort
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
def last_char(s):
    return s[-1]
words.sort(key=last_char)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
def second(p):
    return p[1]
pairs.sort(key=second)
print(pairs)
floats = [2.5, -1.0, 3.25, 0.0]
floats.sort()
print(floats)
e = []
e.sort()
e.reverse()
print(e)
print(a.sort() is None)
