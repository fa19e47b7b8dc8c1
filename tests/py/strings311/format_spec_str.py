for s in ["", "a", "abc", "日本"]:
    print([format(s, spec) for spec in ["", "5", "<5", ">5", "^5", "*^6", ".2", "5.1", "-<4", "0>4"]])
for bad in ["d", "+", "=5", "#", ","]:
    try:
        format("x", bad)
    except ValueError as e:
        print("ValueError", e)
print(format("x", "\u00e9^5"), format("x", "{^5"))
