# startswith and endswith
name = "report_2024.txt"
print(name.startswith("report"))
print(name.startswith("Report"))
print(name.endswith(".txt"))
print(name.endswith(".csv"))
print(name.startswith(""))
print(name.endswith(""))
print(name.startswith(("data", "report")))
print(name.endswith((".csv", ".json")))
print(name.startswith("2024", 7))
print("".startswith(""), "".startswith("a"))
files = ["a.py", "b.txt", "c.py", "d.md"]
for f in files:
    if f.endswith(".py"):
        print("python file:", f)
