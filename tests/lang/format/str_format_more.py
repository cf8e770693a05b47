# str.format / format_map: field names, conversions, nested specs, numbering errors, parse errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
class P:
    def __init__(self):
        self.x = 3
        self.items = {"k": [10, 20]}
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print("{0.x} {0.items[k][1]} {p.items[k]}".format(p, p=p))  # expect: 3 20 [10, 20]
print("{0!r} {0!s} {0!a} {1!a} {1!r:>8}|".format(p, "é"))  # expect: P() p-str P() '\xe9'      'é'|
print("{:>{}}|{:^{w}}|{:{f}{a}{w}}".format("a", 4, "b", "c", w=5, f="*", a=">"))  # expect:    a|  b  |****c
print("{0:{1}.{2}f}|{0:>{1}}".format(3.14159, 10, 3))  # expect:      3.142|   3.14159
print("{} {} {}".format(1, "two", 3.0), "{2}{1}{0}".format("a", "b", "c"), "{0}{0}{0}".format("x"))  # expect: 1 two 3.0 cba xxx
print("{:d} {:x} {:o} {:b} {:c} {:e}".format(255, 255, 8, 5, 97, 1234.5))  # expect: 255 ff 10 101 a 1.234500e+03
print("{[0]} {[1]}".format("ab", "cd"), "{0[0]}{0[2]}".format(range(5)), "{d[1]}".format(d={1: "one"}))  # expect: a d 02 one
print("{0[a b]} {0[-1]}".format({"a b": 1, "-1": 2}))  # expect: 1 2
print("{٠}".format("arabic zero"), "{:{}}".format(7, 3) + "|", "{!s:5}|".format(None))  # expect: arabic zero   7| None |
print("{{{0}}} {{}} }}{{".format(1), "{}".format("{}"), "".format(1, 2), "plain".format(x=1))  # expect: {1} {} }{ {}  plain
print("{a}-{b}".format_map({"a": 1, "b": 2}), "{0}".format(*[5]), "{x}".format(**{"x": 6}))  # expect: 1-2 5 6
class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} {other}".format_map(Missing(name="N")))  # expect: N <other>
t(lambda: "{".format())  # expect: ValueError: Single '{' encountered in format string
t(lambda: "}".format())  # expect: ValueError: Single '}' encountered in format string
t(lambda: "a{b".format())  # expect: ValueError: expected '}' before end of string
t(lambda: "a}b".format())  # expect: ValueError: Single '}' encountered in format string
t(lambda: "{0".format(1))  # expect: ValueError: expected '}' before end of string
t(lambda: "{!r".format(1))  # expect: ValueError: unmatched '{' in format spec
t(lambda: "{0!".format(1))  # expect: ValueError: end of string while looking for conversion specifier
t(lambda: "{0!x}".format(1))  # expect: ValueError: Unknown conversion specifier x
t(lambda: "{0!rx}".format(1))  # expect: ValueError: expected ':' after conversion specifier
t(lambda: "{a{b}".format())  # expect: ValueError: unexpected '{' in field name
t(lambda: "{0:{1:{2}}}".format(1, 2, 3))  # expect: ValueError: Max string recursion exceeded
t(lambda: "{} {1}".format(1, 2))  # expect: ValueError: cannot switch from automatic field numbering to manual field specification
t(lambda: "{1} {}".format(1, 2))  # expect: ValueError: cannot switch from manual field specification to automatic field numbering
t(lambda: "{2}".format(1, 2))  # expect: IndexError: Replacement index 2 out of range for positional args tuple
t(lambda: "{}{}{}".format(1, 2))  # expect: IndexError: Replacement index 2 out of range for positional args tuple
t(lambda: "{x}".format(1))  # expect: KeyError: 'x'
t(lambda: "{0.}".format(1))  # expect: ValueError: Empty attribute in format string
t(lambda: "{0[}".format([1]))  # expect: ValueError: expected '}' before end of string
t(lambda: "{0[]}".format([1]))  # expect: ValueError: Empty attribute in format string
t(lambda: "{0[0]x}".format([1]))  # expect: ValueError: Only '.' or '[' may follow ']' in format field specifier
t(lambda: "{0.missing}".format(1))  # expect: AttributeError: 'int' object has no attribute 'missing'
t(lambda: "{0[5]}".format([1]))  # expect: IndexError: list index out of range
t(lambda: "{0[a]}".format([1]))  # expect: TypeError: list indices must be integers or slices, not str
t(lambda: "{:d}".format("s"))  # expect: ValueError: Unknown format code 'd' for object of type 'str'
t(lambda: "{:s}".format(1))  # expect: ValueError: Unknown format code 's' for object of type 'int'
t(lambda: "{:>5".format(1))  # expect: ValueError: unmatched '{' in format spec
t(lambda: "{}".format_map({}))  # expect: ValueError: Format string contains positional fields
t(lambda: "{a}".format_map({}))  # expect: KeyError: 'a'
t(lambda: "{a}".format_map(1))  # expect: TypeError: 'int' object is not subscriptable
t(lambda: "{99999999999999999999}".format(1))  # expect: ValueError: Too many decimal digits in format string
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
    def __str__(self):
        return "F-str"
class Bad:
    def __format__(self, spec):
        return 42
print("{:abc} {!s:>4} {}".format(F(), F(), F()), format(F(), "x"), f"{F():{1}{2}}")  # expect: F(abc) F-str F() F(x) F(12)
t(lambda: "{}".format(Bad()))  # expect: TypeError: __format__ must return a str, not int
t(lambda: format(Bad()))  # expect: TypeError: __format__ must return a str, not int
t(lambda: "{:x}".format(object()))  # expect: TypeError: unsupported format string passed to object.__format__
