print("😀".encode("utf-16-le"), "Ω".encode("utf-32-be"))
print("ab".encode("utf-16"), b"\xff\xfea\x00".decode("utf-16"))
print("é".encode("cp1252"), "x".encode("utf-32")[:4])
