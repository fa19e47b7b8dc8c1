# raw string literals
print(r"C:\new\table")
print(R"\d+\s*")
print(len(r"\n"), len("\n"))
print(r'single \' keeps backslash')
print(r"""raw
triple \t""")
print([r"\x41"])
print(r"\u00e9" == "\\u00e9")
print(r"" == "")
path = r"dir\sub" + "\\" + "file"
print(path)
print(path.split("\\"))
