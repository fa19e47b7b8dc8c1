"abc".encode("no-such-enc")
