# non-ASCII identifiers and text in source
café = "coffee"
print("café =", café)
π = 3.14159
print("π =", π)
naïve_count = 2
print(naïve_count * 2)
text = "Grüße, 世界! Ωμέγα"
print(text)
print(len(text))
emoji = "🐍 snake"
print(emoji, len(emoji))
# comment with ünïcödé
print("done ✓")
