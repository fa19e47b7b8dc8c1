# iterating over strings
for ch in "abc":
    print("char:", ch)
vowels = 0
for ch in "programming language":
    if ch in "aeiou":
        vowels += 1
print("vowels:", vowels)
rev = ""
for ch in "stressed":
    rev = ch + rev
print("reversed:", rev)
chars = []
for c in "héllo":
    chars.append(c)
print(chars)
print(len(chars), chars[0], chars[-1])
count = 0
for c in "":
    count += 1
print("empty loop count:", count)
