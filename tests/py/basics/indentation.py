# different indentation widths are all fine as long as consistent per block
if True:
  print("two spaces")
  if True:
          print("ten spaces nested")
  print("back to two")
if True:
    print("four spaces")
for i in range(2):
 print("one space", i)
def f():
        return "eight spaces in def"
print(f())
if True: print("same-line suite")
while False: pass
for i in range(3): print("for one-liner", i)
if False:
    pass
else: print("else one-liner")
x = 1; y = 2; print("semicolons", x, y)
if True:
	print("tab indented")
