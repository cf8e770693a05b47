# f-strings: format specs for floats, ints, strings (width, align, fill, sign, grouping).
x = 3.14159
n = 42
s = "hi"
print(f"{x:.2f}")  # expect: 3.14
print(f"{x:8.3f}|")  # expect:    3.142|
print(f"{n:>5}|{n:<5}|{n:^5}|")  # expect:    42|42   | 42  |
print(f"{n:05}")  # expect: 00042
print(f"{1234567:,}")  # expect: 1,234,567
print(f"{1234567.891:,.2f}")  # expect: 1,234,567.89
print(f"{1234567:_}")  # expect: 1_234_567
print(f"{n:08b}")  # expect: 00101010
print(f"{255:x} {255:X} {8:o}")  # expect: ff FF 10
print(f"{255:#x} {255:#o} {5:#b}")  # expect: 0xff 0o377 0b101
print(f"{s:^10}|")  # expect:     hi    |
print(f"{s:*<6}|{s:->6}")  # expect: hi****|----hi
print(f"{x:+.3e}")  # expect: +3.142e+00
print(f"{0.25:%}")  # expect: 25.000000%
print(f"{0.256:.1%}")  # expect: 25.6%
print(f"{n:+d} {-n:+d} {n: d}")  # expect: +42 -42  42
print(f"{-3.5:=+8.2f}")  # expect: -   3.50
print(f"{1e6:g} {1e-7:g} {123.456:g}")  # expect: 1e+06 1e-07 123.456
print(f"{x:.0f} {2.5:.0f} {3.5:.0f}")  # expect: 3 2 4
print(f"{n:.2f}")  # expect: 42.00
print(f"{'abc':.2}")  # expect: ab
print(f"{1.0:e}")  # expect: 1.000000e+00
print(f"{x}")  # expect: 3.14159
print(f"{n:x>4}")  # expect: xx42
print(f"{-42:08}")  # expect: -0000042
print(f"{2**70:,}")  # expect: 1,180,591,620,717,411,303,424
