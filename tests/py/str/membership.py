# in / not in with strings
s = "the quick brown fox"
print("quick" in s)
print("slow" in s)
print("slow" not in s)
print("" in s)
print("" in "")
print("q" in s, "Q" in s)
print("fox" in s, "fox " in s)
print("brown fox" in s)
print("é" in "café", "caf" in "café")
for w in ["the", "a", "fox", "box"]:
    print(w, w in s)
