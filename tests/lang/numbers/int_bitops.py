# int: bitwise operators and shifts, including negative and big values.
print(12 & 10)  # expect: 8
print(12 | 10)  # expect: 14
print(12 ^ 10)  # expect: 6
print(~0)  # expect: -1
print(-12 & 10)  # expect: 0
print(-12 | 10)  # expect: -2
print(-12 ^ 10)  # expect: -2
print(1 << 10)  # expect: 1024
print(1 << 100)  # expect: 1267650600228229401496703205376
print(1 << 64)  # expect: 18446744073709551616
print((1 << 100) >> 98)  # expect: 4
print(-1 >> 5)  # expect: -1
print(-16 >> 2)  # expect: -4
print(-17 >> 2)  # expect: -5
print(5 >> 10)  # expect: 0
print((2 ** 70 + 5) & 0xFF)  # expect: 5
print((2 ** 70) | 1)  # expect: 1180591620717411303425
print((2 ** 70) ^ (2 ** 70))  # expect: 0
print(-(2 ** 70) >> 68)  # expect: -4
x = 0b1010
x <<= 2
print(x)  # expect: 40
x >>= 3
print(x)  # expect: 5
print(True << 3)  # expect: 8
