# int: floor division and modulo follow the sign of the divisor (Python rules).
print(7 // 2)  # expect: 3
print(-7 // 2)  # expect: -4
print(7 // -2)  # expect: -4
print(-7 // -2)  # expect: 3
print(7 % 3)  # expect: 1
print(-7 % 3)  # expect: 2
print(7 % -3)  # expect: -2
print(-7 % -3)  # expect: -1
print(0 // 5, 0 % 5)  # expect: 0 0
print(divmod(17, 5))  # expect: (3, 2)
print(divmod(-17, 5))  # expect: (-4, 3)
print(divmod(17, -5))  # expect: (-4, -3)
print(-(10 ** 25) // 3)  # expect: -3333333333333333333333334
print(-(10 ** 25) % 3)  # expect: 2
print((10 ** 25) % -3)  # expect: -2
print(-1 // 10, -1 % 10)  # expect: -1 9
