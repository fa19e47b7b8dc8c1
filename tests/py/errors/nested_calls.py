# exception raised several frames deep
def parse(value):
    print("parsing", value)
    return int(value)

def load(values):
    out = []
    for v in values:
        out.append(parse(v))
    return out

def main():
    print("loaded:", load(["1", "2"]))
    print("loaded:", load(["3", "four"]))

main()
