rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 12.125)]
print("{:<12}|{:>5}|{:>8}".format("name", "qty", "price"))
for name, q, p in rows:
    print("{:<12}|{:>5d}|{:>8.2f}".format(name, q, p))
    print(f"{name:.<12}|{q:05}|{p:8.3e}")
    print("%-12s|%5d|%8.2f" % (name, q, p))
print("{:=^30}".format(" total "))
print("{:,}".format(1234567.891), "{:_}".format(10**10), "{:,.0f}".format(1e6))
