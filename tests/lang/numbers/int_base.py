# int: int() with a base, and int/str conversions.
print(int("ff", 16))  # expect: 255
print(int("FF", 16))  # expect: 255
print(int("0xff", 16))  # expect: 255
print(int("777", 8))  # expect: 511
print(int("101", 2))  # expect: 5
print(int("0b101", 0))  # expect: 5
print(int("0o17", 0))  # expect: 15
print(int("z", 36))  # expect: 35
print(int("-10", 3))  # expect: -3
print(int("1_000"))  # expect: 1000
print(int("123456789012345678901234567890"))  # expect: 123456789012345678901234567890
print(str(-123456789012345678901234567890))  # expect: -123456789012345678901234567890
print(str(0), str(-0))  # expect: 0 0
print(repr(42))  # expect: 42
print(hex(255), oct(8), bin(5))  # expect: 0xff 0o10 0b101
print(hex(-255))  # expect: -0xff
print(hex(2 ** 80))  # expect: 0x100000000000000000000
print(bin(-6))  # expect: -0b110
print(int("+7"))  # expect: 7
try:
    int("12a")
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 10: '12a'
try:
    int("9", 8)
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 8: '9'
