# %-formatting: %d %s %r %f %x %o %e %g %%, width/precision/flags, tuples and dicts.
print("%d items" % 5)  # expect: 5 items
print("%s and %s" % ("a", "b"))  # expect: a and b
print("%r" % "q")  # expect: 'q'
print("%5.2f|" % 3.14159)  # expect:  3.14|
print("%-5s|" % "ab")  # expect: ab   |
print("%5s|" % "ab")  # expect:    ab|
print("%x %X %o" % (255, 255, 8))  # expect: ff FF 10
print("%#x %#o" % (255, 8))  # expect: 0xff 0o10
print("%e" % 12345.678)  # expect: 1.234568e+04
print("%g %g" % (0.0001, 1e20))  # expect: 0.0001 1e+20
print("100%%" % ())  # expect: 100%
print("%d%%" % 50)  # expect: 50%
print("%(name)s is %(age)d" % {"name": "Ann", "age": 7})  # expect: Ann is 7
print("%05d|%+d|% d" % (42, 42, 42))  # expect: 00042|+42| 42
print("%.3s" % "abcdef")  # expect: abc
print("%s" % [1, 2])  # expect: [1, 2]
print("%s" % (None,))  # expect: None
print("%d" % 3.99)  # expect: 3
print("%i" % -7)  # expect: -7
print("%c%c" % (72, "i"))  # expect: Hi
print("%*d|" % (5, 42))  # expect:    42|
print("%.2f%%" % 99.5)  # expect: 99.50%
print("%s" % ((1, 2),))  # expect: (1, 2)
print("%d" % (2 ** 70))  # expect: 1180591620717411303424
try:
    print("%d %d" % (1,))
except TypeError as e:
    print(e)  # expect: not enough arguments for format string
try:
    print("%d" % (1, 2))
except TypeError as e:
    print(e)  # expect: not all arguments converted during string formatting
