# int: literals, arithmetic, true division, unary operators.
print(1 + 2)  # expect: 3
print(7 - 10)  # expect: -3
print(6 * 7)  # expect: 42
print(7 / 2)  # expect: 3.5
print(6 / 3)  # expect: 2.0
print(2 ** 10)  # expect: 1024
print(2 ** 0)  # expect: 1
print(-5)  # expect: -5
print(+5)  # expect: 5
print(--5)  # expect: 5
print(~5)  # expect: -6
print(0x1F, 0o17, 0b101)  # expect: 31 15 5
print(1_000_000)  # expect: 1000000
print(10 ** -1)  # expect: 0.1
print(abs(-12))  # expect: 12
print(type(3).__name__)  # expect: int
print(int(3.9), int(-3.9))  # expect: 3 -3
print(int("  42  "))  # expect: 42
print(int("-17"))  # expect: -17
print(int(True))  # expect: 1
print(int())  # expect: 0
