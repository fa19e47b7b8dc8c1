"abc".appendx("d")
