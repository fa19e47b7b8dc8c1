data = {
    "a": 1,
}
value = data[
    "b"
]
