# The int/str conversion limit (CPython 3.11, CVE-2020-10735): converting
# between int and a decimal string of more than sys.get_int_max_str_digits()
# digits (4300) raises ValueError; power-of-two bases are not limited.
import sys


def show(label, f):
    try:
        print(label, f())
    except ValueError as e:
        print(label, "ValueError:", e)


print(sys.get_int_max_str_digits())  # expect: 4300
show("int 4300", lambda: int("9" * 4300).bit_length())
show("int 4301", lambda: int("9" * 4301))
show("int -4301", lambda: int("-" + "9" * 4301))
show("int spaces", lambda: int("  " + "1" * 4300 + " ").bit_length())
show("int underscores", lambda: int("1_" * 4300 + "1"))
show("int bytes", lambda: int(b"9" * 5000))
show("int base 7", lambda: int("1" * 5000, 7))
show("int base 16", lambda: int("1" * 5000, 16).bit_length())
show("str", lambda: str(10 ** 4300))
show("str ok", lambda: len(str(10 ** 4299)))
show("repr", lambda: repr(-10 ** 5000))
show("%d", lambda: "%d" % 10 ** 5000)
show("f-string", lambda: f"{10 ** 5000}")
show("format ,", lambda: "{:,}".format(10 ** 5000))
show("hex", lambda: hex(10 ** 5000)[:6])
show("format x", lambda: format(10 ** 5000, "x")[:6])
# expect: int 4300 14285
# expect: int 4301 ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int -4301 ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int spaces 14282
# expect: int underscores ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int bytes ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int base 7 ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int base 16 19997
# expect: str ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: str ok 4300
# expect: repr ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: %d ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: f-string ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: format , ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: hex 0x31e2
# expect: format x 31e208

# Source literals are limited too (a SyntaxError, compile() and eval()).
try:
    eval("9" * 4301)
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("0x" + "f" * 5000).bit_length())
# expect: SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.
# expect: 20000
for src in ["f(a=%s)" % ("9" * 4301), "[x for x in range(%s)]" % ("9" * 4301), "(1, %s)" % ("9" * 4301),
            "0" * 5000, "1_" * 2150 + "1", "%s.5" % ("9" * 5000), "%se1" % ("9" * 5000)]:
    try:
        compile(src, "<literal>", "eval")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg[:40], e.lineno)
# expect: SyntaxError Exceeds the limit (4300 digits) for inte 1
# expect: SyntaxError Exceeds the limit (4300 digits) for inte 1
# expect: SyntaxError Exceeds the limit (4300 digits) for inte 1
# expect: ok
# expect: ok
# expect: ok
# expect: ok

# The limit can be raised or switched off (0), not set below 640.
try:
    sys.set_int_max_str_digits(10)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)), eval("7" * 5000) % 10)
show("5001", lambda: int("1" * 5001))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), int("3" * 30000) % 10)
# expect: ValueError: maxdigits must be 0 or larger than 640
# expect: 5000 5000 7
# expect: 5001 ValueError: Exceeds the limit (5000 digits) for integer string conversion: value has 5001 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: 20001 3
