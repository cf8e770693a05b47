# float: repr uses the shortest round-tripping form, as CPython.
print(0.1 + 0.2)  # expect: 0.30000000000000004
print(0.1)  # expect: 0.1
print(1.0)  # expect: 1.0
print(1e16)  # expect: 1e+16
print(1e15)  # expect: 1000000000000000.0
print(1e-5)  # expect: 1e-05
print(0.0001)  # expect: 0.0001
print(1.5e300)  # expect: 1.5e+300
print(-0.0)  # expect: -0.0
print(2.5)  # expect: 2.5
print(1 / 3)  # expect: 0.3333333333333333
print(2 / 3)  # expect: 0.6666666666666666
print(123456789.123)  # expect: 123456789.123
print(1e22)  # expect: 1e+22
print(3.14159e-10)  # expect: 3.14159e-10
print(float(10 ** 20))  # expect: 1e+20
print(repr(0.5), str(0.5))  # expect: 0.5 0.5
print(float("1.25"), float("  -3 "))  # expect: 1.25 -3.0
print(float(7))  # expect: 7.0
print(1.7976931348623157e308)  # expect: 1.7976931348623157e+308
print(5e-324)  # expect: 5e-324
print(type(1.0).__name__)  # expect: float
