# the global statement
count = 0
def increment():
    global count
    count += 1
for i in range(5):
    increment()
print("count:", count)
def read_only():
    return count * 2
print("read global without declaration:", read_only())
def shadow():
    count = 100
    return count
print("local shadow:", shadow(), "global still:", count)
def create():
    global created
    created = "made inside function"
create()
print(created)
total = []
def add(x):
    total.append(x)
add(1)
add(2)
print("mutating global list needs no global:", total)
def set_two():
    global a, b
    a, b = 1, 2
set_two()
print(a, b)
