# nested dicts and lists
db = {
    "users": [
        {"name": "ann", "age": 31},
        {"name": "bob", "age": 25},
    ],
    "meta": {"count": 2},
}
print(db["users"][1]["name"])
db["users"][0]["age"] += 1
print(db["users"][0])
db["meta"]["count"] = len(db["users"])
db["users"].append({"name": "cy", "age": 40})
db["meta"]["count"] = len(db["users"])
print(db["meta"])
for user in db["users"]:
    print(user["name"], "is", user["age"])
total = 0
for user in db["users"]:
    total += user["age"]
print("total age:", total)
tree = {"a": {"b": {"c": "deep"}}}
print(tree["a"]["b"]["c"])
print(tree)
