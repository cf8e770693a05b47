# round(): banker's rounding, ndigits, ints stay ints.
print(round(2.5))  # expect: 2
print(round(3.5))  # expect: 4
print(round(0.5))  # expect: 0
print(round(-2.5))  # expect: -2
print(round(-1.5))  # expect: -2
print(round(2.675, 2))  # expect: 2.67
print(round(3.14159, 3))  # expect: 3.142
print(round(1234.5678, -2))  # expect: 1200.0
print(round(7))  # expect: 7
print(round(1234, -2))  # expect: 1200
print(round(1250, -2))  # expect: 1200
print(round(1350, -2))  # expect: 1400
print(type(round(2.5)).__name__)  # expect: int
print(type(round(2.5, 0)).__name__)  # expect: float
print(round(2.5, 0))  # expect: 2.0
print(round(-0.4))  # expect: 0
print(round(1e20))  # expect: 100000000000000000000
print(round(0.125, 2))  # expect: 0.12
print(round(0.375, 2))  # expect: 0.38
