# float: arithmetic, floor division and modulo with floats and negatives, int().
print(7.0 / 2)  # expect: 3.5
print(7.5 // 2)  # expect: 3.0
print(-7.5 // 2)  # expect: -4.0
print(7.5 % 2)  # expect: 1.5
print(-7.5 % 2)  # expect: 0.5
print(7.5 % -2)  # expect: -0.5
print(-7 // 2.0)  # expect: -4.0
print(-7 % 2.0)  # expect: 1.0
print(divmod(7.5, 2))  # expect: (3.0, 1.5)
print(divmod(-7.5, 2))  # expect: (-4.0, 0.5)
print(2 ** 0.5)  # expect: 1.4142135623730951
print(2.0 ** -1)  # expect: 0.5
print(1.1 * 3)  # expect: 3.3000000000000003
print(0.1 * 3 == 0.3)  # expect: False
print(1 + 2.0)  # expect: 3.0
print(int(2.999), int(-2.999))  # expect: 2 -2
print(int(1e20))  # expect: 100000000000000000000
print(3.0 == 3, 3.5 > 3)  # expect: True True
print(abs(-2.5))  # expect: 2.5
print(-2.0 ** 2)  # expect: -4.0
print(0.1 + 0.7)  # expect: 0.7999999999999999
print(1e300 * 1e300 == float("inf"))  # expect: True
print((0.5).is_integer(), (2.0).is_integer())  # expect: False True
print(5 % 0.75)  # expect: 0.5
