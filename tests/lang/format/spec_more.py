# format(): specs for int/float/str/bool and subclasses, format() fast paths and errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(format(True), format(False, ""), format(True, "d"), format(True, ">5"), format(True, "x"), format(False, ".1f"))  # expect: True False 1     1 1 0.0
print(format(1234567, ","), format(1234567, "_"), format(255, "_x"), format(255, "#_b"), format(-1234, "010,"))
# expect: 1,234,567 1_234_567 ff 0b1111_1111 -0,001,234
print(format(97, "c"), format(65, "^5c"), format(42, "n"), format(42, "e"), format(42, "%"), format(42, ".2f"))  # expect: a   A   42 4.200000e+01 4200.000000% 42.00
print(format(-0.0, "z.1f"), format(-0.0001, "z.2f"), format(1e100, ".3g"), format(2.5, "=+8.2f"), format(0.1, ".20f"))  # expect: 0.0 0.00 1e+100 +   2.50 0.10000000000000000555
print(format(float("nan"), "^7"), format(float("-inf"), "+"), format(1.0, ""), format(1e16), format(1.5e-7, ""))  # expect:   nan   -inf 1.0 1e+16 1.5e-07
print(format("é", "*^5"), format("日本", "<4") + "|", format("abc", ".1"), format("s", "s"), format("x", "5") + "|")  # expect: **é** 日本  | a s x    |
print(format(2 ** 100, "x"), format(-2 ** 100, ",d"), format(2 ** 64, "e"), format(-(2 ** 70), "#o"))
# expect: 10000000000000000000000000 -1,267,650,600,228,229,401,496,703,205,376 1.844674e+19 -0o200000000000000000000000
class I(int):
    def __str__(self):
        return "I-str"
class Fl(float):
    def __str__(self):
        return "Fl-str"
class S(str):
    def __str__(self):
        return "S-str"
print(format(I(5)), format(I(5), "d"), format(Fl(1.5)), format(Fl(1.5), ".2f"), format(S("ab")), format(S("ab"), ">3"))  # expect: I-str 5 Fl-str 1.50 S-str  ab
print("{} {} {}".format(I(1), Fl(2.0), S("c")), f"{I(1)} {Fl(2.0)} {S('c')}", f"{I(7):03}")  # expect: I-str Fl-str S-str I-str Fl-str S-str 007
t(lambda: format(1, "s"))  # expect: ValueError: Unknown format code 's' for object of type 'int'
t(lambda: format(True, "s"))  # expect: ValueError: Unknown format code 's' for object of type 'bool'
t(lambda: format(I(1), "s"))  # expect: ValueError: Unknown format code 's' for object of type 'I'
t(lambda: format(1.5, "d"))  # expect: ValueError: Unknown format code 'd' for object of type 'float'
t(lambda: format(Fl(1.5), "x"))  # expect: ValueError: Unknown format code 'x' for object of type 'Fl'
t(lambda: format("x", "d"))  # expect: ValueError: Unknown format code 'd' for object of type 'str'
t(lambda: format(S("x"), "d"))  # expect: ValueError: Unknown format code 'd' for object of type 'S'
t(lambda: format("x", "+"))  # expect: ValueError: Sign not allowed in string format specifier
t(lambda: format("x", "="))  # expect: ValueError: '=' alignment not allowed in string format specifier
t(lambda: format("x", "#"))
# expect: ValueError: Alternate form (#) not allowed in string format specifier
t(lambda: format(1, ",x"))  # expect: ValueError: Cannot specify ',' with 'x'.
t(lambda: format(1, ",_"))  # expect: ValueError: Cannot specify both ',' and '_'.
t(lambda: format(1, ".2"))  # expect: ValueError: Precision not allowed in integer format specifier
t(lambda: format(1.5, "abc"))  # expect: ValueError: Invalid format specifier 'abc' for object of type 'float'
t(lambda: format(2 ** 2000, "e"))  # expect: OverflowError: int too large to convert to float
t(lambda: format(10 ** 5000, "s"))  # expect: ValueError: Unknown format code 's' for object of type 'int'
t(lambda: format(0x110000, "c"))  # expect: OverflowError: %c arg not in range(0x110000)
t(lambda: format(-1, "c"))  # expect: OverflowError: %c arg not in range(0x110000)
t(lambda: format([], "x"))  # expect: TypeError: unsupported format string passed to list.__format__
t(lambda: format(None, "5"))  # expect: TypeError: unsupported format string passed to NoneType.__format__
print(format([1, 2]), format(None), format(len(format(10 ** 5000, "x"))))  # expect: [1, 2] None 4153
