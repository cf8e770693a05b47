# bytes % args: %s/%b with bytes and __bytes__, %r/%a ascii repr, numbers, %c, mapping keys, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
class B:
    def __bytes__(self):
        return b"bytes!"
print(b"%s|%5b|%-5s|%.1s|" % (b"ab", b"cd", b"x", b"yz"), b"%s" % B(), b"%b" % (b"\xff\x00",))  # expect: b'ab|   cd|x    |y|' b'bytes!' b'\xff\x00'
print(b"%r|%a|%5a|%.3r" % ("é", b"q", 1, "abcdef"))  # expect: b"'\\xe9'|b'q'|    1|'ab"
print(b"%d|%5d|%-5x|%#x|%o|%05.1f|%e|%g|%+d" % (3, -4, 255, 255, 8, 2.25, 1.5, 0.5, 7))
# expect: b'3|   -4|ff   |0xff|10|002.2|1.500000e+00|0.5|+7'
print(b"%c|%c|%3c|%-3c|" % (65, b"z", 66, b"y"), b"%%|%d%%" % 5, b"100%%" % ())  # expect: b'A|z|  B|y  |' b'%|5%' b'100%'
print(b"%(a)s %(b)d" % {b"a": b"x", b"b": 2}, b"abc" % (), b"abc" % {}, b"%s" % {b"a": 1} if False else b"-")  # expect: b'x 2' b'abc' b'abc' b'-'
print(b"\xff%s\xfe" % b"\x00", b"%x %X" % (2 ** 70, 2 ** 70), b"%d" % 3.7)  # expect: b'\xff\x00\xfe' b'400000000000000000 400000000000000000' b'3'
t(lambda: b"%s" % "x")  # expect: TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
t(lambda: b"%b" % 1)  # expect: TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'
t(lambda: b"%c" % 256)  # expect: OverflowError: %c arg not in range(256)
t(lambda: b"%c" % "a")  # expect: TypeError: %c requires an integer in range(256) or a single byte
t(lambda: b"%c" % b"ab")  # expect: TypeError: %c requires an integer in range(256) or a single byte
t(lambda: b"%d" % b"1")  # expect: TypeError: %d format: a real number is required, not bytes
t(lambda: b"%x" % 1.5)  # expect: TypeError: %x format: an integer is required, not float
t(lambda: b"%f" % "x")  # expect: TypeError: float argument required, not str
t(lambda: b"%s %s" % (b"a",))  # expect: TypeError: not enough arguments for format string
t(lambda: b"%s" % (b"a", b"b"))  # expect: TypeError: not all arguments converted during bytes formatting
t(lambda: b"%y" % 1)  # expect: ValueError: unsupported format character 'y' (0x79) at index 1
t(lambda: b"ab%" % ())  # expect: ValueError: incomplete format
t(lambda: b"%(a)s" % 1)  # expect: TypeError: format requires a mapping
t(lambda: b"%(a)s" % {"a": b"x"})  # expect: KeyError: b'a'
t(lambda: b"%(a" % {b"a": 1})  # expect: ValueError: incomplete format key
t(lambda: b"%*d" % (b"x", 1))  # expect: TypeError: * wants int
t(lambda: b"%5%" % ())  # expect: TypeError: not enough arguments for format string
