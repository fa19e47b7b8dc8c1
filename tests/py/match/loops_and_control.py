# match inside loops, functions, try blocks, generators; break/continue/return.
def commands(lines):
    for line in lines:
        match line.split():
            case ["quit"]:
                print("quitting")
                break
            case ["skip", *_]:
                continue
            case ["go", direction]:
                print("going", direction)
            case ["take", *items] if items:
                print("taking", ", ".join(items))
            case ["say", *words]:
                print(" ".join(words) or "<silence>")
            case []:
                print("empty line")
            case _:
                print("unknown:", line)
    else:
        print("no quit")

commands(["go north", "take lamp key", "skip this", "", "say hello world", "say",
          "dance", "quit", "go south"])
commands(["go west"])

def first_even(xs):
    for x in xs:
        match x:
            case int(n) if n % 2 == 0:
                return n
    return None
print(first_even([1, 3, 6, 8]), first_even([1]))

def gen(items):
    for item in items:
        match item:
            case (k, v):
                yield f"{k}={v}"
            case str(s):
                yield s.upper()
print(list(gen([("a", 1), "b", ("c", 3), 4])))

# nested match statements
for pair in [(1, "a"), (2, "b"), (1, "z")]:
    match pair:
        case (1, letter):
            match letter:
                case "a":
                    print("one-a")
                case _:
                    print("one-other")
        case (n, _):
            print("n =", n)

# exception inside a case body
try:
    match [1, 0]:
        case [a, b]:
            print(a / b)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# with and try inside a case
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit")
match {"use": "cm"}:
    case {"use": "cm"}:
        with CM():
            try:
                print("inside")
            finally:
                print("finally")

# match at class scope
class Config:
    mode = "fast"
    match mode:
        case "fast":
            level = 3
        case _:
            level = 1
print(Config.level)

# a match statement in a while loop
n = 0
while True:
    match n:
        case 3:
            break
        case _:
            n += 1
print("n", n)
