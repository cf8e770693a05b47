# abs, divmod, pow (2 and 3 args), round, hash equality for equal numbers, hex/bin/oct.
print(abs(-5), abs(3.5), abs(-0.0), abs(True))  # expect: 5 3.5 0.0 1
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2))  # expect: (3, 1) (-4, 1) (3.0, 1.0)
print(pow(2, 10), pow(2, -2), pow(2.0, 3))  # expect: 1024 0.25 8.0
print(pow(3, 4, 5), pow(2, 100, 7))  # expect: 1 2
print(pow(-2, 3, 5), pow(3, -1, 7))  # expect: 2 5
print(round(1.5), round(2.5), round(-0.5), round(2.675, 2))  # expect: 2 2 0 2.67
print(round(5.555, 1), round(123.456, -1), round(15, -1), round(25, -1))  # expect: 5.6 120.0 20 20
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False))  # expect: True True
print(hash(2 ** 60) == hash(float(2 ** 60)), hash(-7) == hash(-7.0))  # expect: True True
print(hash((1, 2)) == hash((1.0, 2.0)))  # expect: True
print(hex(0), hex(4095), bin(0), bin(10), oct(64))  # expect: 0x0 0xfff 0b0 0b1010 0o100
print(oct(-8), bin(2 ** 65))  # expect: -0o10 0b100000000000000000000000000000000000000000000000000000000000000000
print(int("0x1f", 16), int("1f", 16), int("  11  ", 2))  # expect: 31 31 3
print(float("1e3"), float("-.5"), float(" 2 "))  # expect: 1000.0 -0.5 2.0
print(max(1, 2.5), min(-1, -1.0))  # expect: 2.5 -1
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)  # expect: pow() 3rd argument cannot be 0
