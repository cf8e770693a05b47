# %-formatting of str: flags, '*', mapping keys, conversions, single arguments, CPython's error texts.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("%5d|%-5d|%05d|%+d|% d|%+05d|%-+5d|" % (42, 42, 42, 42, 42, 42, 42))  # expect:    42|42   |00042|+42| 42|+0042|+42  |
print("%x|%X|%#x|%#X|%o|%#o|%#5x|%#05x|%-#6o|" % (255, 255, 255, 255, 8, 8, 10, 10, 8))
# expect: ff|FF|0xff|0XFF|10|0o10|  0xa|0x00a|0o10  |
print("%x|%o|%#x|%d|%i|%u" % (-255, -8, -255, -3, -4, -5))
# expect: -ff|-10|-0xff|-3|-4|-5
print("%.3d|%8.5d|%-8.3x|%.0d|%.0d|" % (7, -42, 255, 0, 5))  # expect: 007|  -00042|0ff     |0|5|
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|% .1f|%010.2f|%.0f|%#.0f" % (1.5, 2.345, 3.14159, 2.5, 1.0, 1.0, -3.14159, 2.5, 2.0))
# expect: 1.500000|2.35|     3.142|2.5       |+1.0| 1.0|-000003.14|2|2.
print("%e|%.2E|%g|%G|%.3g|%#g|%g|%g" % (12345.678, 0.000123, 1e-5, 1e20, 3.14159, 1.0, 100000.0, 1000000.0))
# expect: 1.234568e+04|1.23E-04|1e-05|1E+20|3.14|1.00000|100000|1e+06
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")), "%5.1f%%" % 99.44)  # expect: inf -inf nan  99.4%
print("%s|%10s|%-10s|%.2s|%10.2s|%r|%a|%5r|" % ("é", "right", "left", "trunc", "tr", "q", "é", "x"))  # expect: é|     right|left      |tr|        tr|'q'|'\xe9'|  'x'|
print("%c|%c|%3c|%-3c|%c" % ("x", 233, "y", 65, 0x1F600))  # expect: x|é|  y|A  |😀
print("%*d|%-*d|%*d|%.*f|%*.*f|" % (5, 1, 5, 2, -5, 3, 2, 3.14159, 8, 3, 2.71828))  # expect:     1|2    |3    |3.14|   2.718|
print("%(a)s %(b)05.1f %(a)r %(c)x" % {"a": "x", "b": 2.25, "c": 255}, "%(a)s" % {"a": 1, "b": 2})  # expect: x 002.2 'x' ff 1
print("%(key (with parens))s" % {"key (with parens)": "ok"}, "%%(a)s %(a)s" % {"a": 1})  # expect: ok %(a)s 1
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % (None,), "%d%%" % 5, "%s %s" % ("a", (1,)))  # expect: 1 [1, 2] (1, 2) None 5% a (1,)
print("%d %i" % (3.99, -3.99), "%d" % True, "%s" % True, "%x" % True, "%.2f" % 1, "%e" % 10)  # expect: 3 -3 1 True 1 1.00 1.000000e+01
print("%d" % 2 ** 80, "%x" % 2 ** 80, "%#o" % -2 ** 70, "%20d|" % -2 ** 64)
# expect: 1208925819614629174706176 100000000000000000000 -0o200000000000000000000000 -18446744073709551616|
print("abc" % (), "abc" % [1], "abc" % {"a": 1}, "%s" % {"a": 1}, "%%" % ())  # expect: abc abc abc {'a': 1} %
print("%ld %hd %Lf" % (1, 2, 3.5), "é%sü" % "ö", "%s" % "日本", "%-4s|" % "日本")  # expect: 1 2 3.500000 éöü 日本 日本  |
class Idx:
    def __index__(self):
        return 65
class N:
    def __int__(self):
        return 7
print("%c %x %o" % (Idx(), Idx(), Idx()), "%d" % N(), "%s" % Idx().__class__.__name__)  # expect: A 41 101 7 Idx
t(lambda: "%d %d" % (1,))  # expect: TypeError: not enough arguments for format string
t(lambda: "%d" % (1, 2))  # expect: TypeError: not all arguments converted during string formatting
t(lambda: "%d" % "1")  # expect: TypeError: %d format: a real number is required, not str
t(lambda: "%x" % 1.5)  # expect: TypeError: %x format: an integer is required, not float
t(lambda: "%o" % "s")  # expect: TypeError: %o format: an integer is required, not str
t(lambda: "%f" % "1")  # expect: TypeError: must be real number, not str
t(lambda: "%c" % 1.5)  # expect: TypeError: %c requires int or char
t(lambda: "%c" % "ab")  # expect: TypeError: %c requires int or char
t(lambda: "%c" % 0x110000)  # expect: OverflowError: %c arg not in range(0x110000)
t(lambda: "%c" % -1)  # expect: OverflowError: %c arg not in range(0x110000)
t(lambda: "%*d" % ("a", 1))  # expect: TypeError: * wants int
t(lambda: "%.*f" % (1.5, 1.0))  # expect: TypeError: * wants int
t(lambda: "%y" % 1)  # expect: ValueError: unsupported format character 'y' (0x79) at index 1
t(lambda: "abc %y" % 1)  # expect: ValueError: unsupported format character 'y' (0x79) at index 5
t(lambda: "é%ŷ" % 1)  # expect: ValueError: unsupported format character '?' (0x177) at index 2
t(lambda: "%" % ())  # expect: ValueError: incomplete format
t(lambda: "%-" % 1)  # expect: ValueError: incomplete format
t(lambda: "%.3" % 1)  # expect: ValueError: incomplete format
t(lambda: "%5%" % 1)  # expect: ValueError: unsupported format character '%' (0x25) at index 2
t(lambda: "%(a)s" % 1)  # expect: TypeError: format requires a mapping
t(lambda: "%(a" % {"a": 1})  # expect: ValueError: incomplete format key
t(lambda: "%(a)" % {"a": 1})  # expect: ValueError: incomplete format
t(lambda: "%(a)s" % {})  # expect: KeyError: 'a'
t(lambda: "%s %s" % {"a": 1})  # expect: TypeError: not enough arguments for format string
t(lambda: "%(a)s %s" % {"a": 1})  # expect: TypeError: not enough arguments for format string
t(lambda: "abc" % 5)  # expect: TypeError: not all arguments converted during string formatting
t(lambda: "%d" % float("inf"))  # expect: OverflowError: cannot convert float infinity to integer
t(lambda: "%d" % None)  # expect: TypeError: %d format: a real number is required, not NoneType
t(lambda: "%s" % ())  # expect: TypeError: not enough arguments for format string
t(lambda: "%y" % ())  # expect: TypeError: not enough arguments for format string
