b"abc".decode("klingon")
