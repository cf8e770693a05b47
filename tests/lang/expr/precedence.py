# Operator precedence and associativity.
print(-2 ** 2)  # expect: -4
print((-2) ** 2)  # expect: 4
print(2 ** -1)  # expect: 0.5
print(2 ** 3 ** 2)  # expect: 512
print(1 << 2 + 3)  # expect: 32
print(1 + 2 * 3 - 4 / 2)  # expect: 5.0
print(10 - 4 - 3)  # expect: 3
print(100 / 10 / 5)  # expect: 2.0
print(2 * 3 % 4)  # expect: 2
print(-7 // 2 * 3)  # expect: -12
print(1 | 2 ^ 3 & 4)  # expect: 3
print(6 & 3 << 1)  # expect: 6
print(not 1 == 2)  # expect: True
print(not 1 + 1)  # expect: False
print(1 + 2 == 3 and 2 < 3)  # expect: True
print(True or False and False)  # expect: True
print((True or False) and False)  # expect: False
print(-3 % 5, -(3 % 5))  # expect: 2 -3
print(~1 + 1, ~(1 + 1))  # expect: -1 -3
print(2 * -3, 2 - -3, - - 3)  # expect: -6 5 3
print(3 if 1 > 2 else 4 + 10)  # expect: 14
print(1 < 2 == True)  # expect: False
print([1, 2][0] + 3 ** 2)  # expect: 10
print("a" + "b" * 2)  # expect: abb
print(-2 ** -2)  # expect: -0.25
print(5 - 3 < 1 + 1)  # expect: False
