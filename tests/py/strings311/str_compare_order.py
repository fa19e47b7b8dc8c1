words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "ab", "B", "é", "e", "ä"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print("a" < "aa", "b" > "aa", "" < "a", "Z" < "a", "abc" <= "abc", "abd" >= "abc")
print(max(words), min(words))
