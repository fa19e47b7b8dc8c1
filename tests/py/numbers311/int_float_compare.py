big = 2**53 + 1
print(big == float(big), big > float(2**53), float(2**53) < big, 10**400 > 1e308, -10**400 < -1e308)
print(1 == 1.0, 1 < 1.5, 2**64 == 2.0**64, 2**64 + 1 == 2.0**64, 10**400 > float("inf"), 10**400 < float("inf"))
print(float("nan") < 1, float("nan") > 1, 1 == float("nan"), 0 == -0.0, True == 1.0)
print(sorted([3, 1.5, True, 2**70, -1e300, 0.0]))
print(max(2**64, 1.8e19), min(-0.0, 0))
print(1 == 1 + 0j, 1.5 + 0j == 1.5, (1 + 1j) != 1)
