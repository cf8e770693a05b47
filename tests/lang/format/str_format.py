# str.format: positional, numbered, named, attribute and index fields, specs, conversions.
print("{} {}".format("a", "b"))  # expect: a b
print("{1} {0} {1}".format("a", "b"))  # expect: b a b
print("{name} is {age}".format(name="Bo", age=3))  # expect: Bo is 3
print("{0[1]} {0[0]}".format(["x", "y"]))  # expect: y x
print("{d[key]}".format(d={"key": "v"}))  # expect: v
class Pt:
    x = 1
    y = 2
print("({0.x}, {0.y})".format(Pt()))  # expect: (1, 2)
print("{p.x}".format(p=Pt))  # expect: 1
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))  # expect:      r|l     |  c   |
print("{:.3f} {:,} {:08.2f}".format(3.14159, 1000000, -3.14159))  # expect: 3.142 1,000,000 -0003.14
print("{0:b} {0:o} {0:x} {0:#X}".format(10))  # expect: 1010 12 a 0XA
print("{!r} {!s}".format("a", "a"))  # expect: 'a' a
print("{{}} {}".format(1))  # expect: {} 1
print("{:{w}.{p}f}".format(2.5, w=7, p=2))  # expect:    2.50
print("{0}{0}".format("ab"))  # expect: abab
print("{:*^9}".format("mid"))  # expect: ***mid***
print("{:e}".format(0.000123))  # expect: 1.230000e-04
print("{:%}".format(0.5))  # expect: 50.000000%
print("{}".format(None))  # expect: None
print(format(3.5, ".1f"), format(42, "x"), format("s", ">3"))  # expect: 3.5 2a   s
print(format(1234))  # expect: 1234
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)  # expect: Replacement index 1 out of range for positional args tuple
try:
    "{x}".format(y=1)
except KeyError as e:
    print(e)  # expect: 'x'
