# bytes errors: CPython's exception types and messages.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: bytes("abc"))  # expect: TypeError: string argument without an encoding
t(lambda: bytes(errors="strict"))  # expect: TypeError: errors without a string argument
t(lambda: bytes(encoding="utf-8"))  # expect: TypeError: encoding without a string argument
t(lambda: bytes([1], "utf-8"))  # expect: TypeError: encoding without a string argument
t(lambda: bytes([256]))  # expect: ValueError: bytes must be in range(0, 256)
t(lambda: bytes([-1]))  # expect: ValueError: bytes must be in range(0, 256)
t(lambda: bytes(["a"]))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: bytes(1.5))  # expect: TypeError: cannot convert 'float' object to bytes
t(lambda: bytes(-1))  # expect: ValueError: negative count
t(lambda: bytes("a", "no-such-codec"))  # expect: LookupError: unknown encoding: no-such-codec
t(lambda: b"abc"[3])  # expect: IndexError: index out of range
t(lambda: b"abc"[-4])  # expect: IndexError: index out of range
k = "1"
t(lambda: b"abc"[k])  # expect: TypeError: byte indices must be integers or slices, not str
t(lambda: "a" in b"abc")  # expect: TypeError: a bytes-like object is required, not 'str'
t(lambda: 256 in b"abc")  # expect: ValueError: byte must be in range(0, 256)
t(lambda: b"a" + "b")  # expect: TypeError: can't concat str to bytes
t(lambda: b"a" + 1)  # expect: TypeError: can't concat int to bytes
t(lambda: "b" + b"a")  # expect: TypeError: can only concatenate str (not "bytes") to str
t(lambda: b"a" * "x")  # expect: TypeError: can't multiply sequence by non-int of type 'str'
t(lambda: b"a" * 1.5)  # expect: TypeError: can't multiply sequence by non-int of type 'float'
t(lambda: b"-".join([b"a", "b"]))  # expect: TypeError: sequence item 1: expected a bytes-like object, str found
t(lambda: b"-".join(5))  # expect: TypeError: can only join an iterable
t(lambda: b"abc".find("a"))  # expect: TypeError: argument should be integer or bytes-like object, not 'str'
t(lambda: b"abc".find(300))  # expect: ValueError: byte must be in range(0, 256)
t(lambda: b"abc".index(b"z"))  # expect: ValueError: subsection not found
t(lambda: b"abc".rindex(120))  # expect: ValueError: subsection not found
t(lambda: b"abc".split(b""))  # expect: ValueError: empty separator
t(lambda: b"abc".split("b"))  # expect: TypeError: a bytes-like object is required, not 'str'
t(lambda: b"abc".startswith("a"))  # expect: TypeError: startswith first arg must be bytes or a tuple of bytes, not str
t(lambda: b"abc".endswith(["c"]))  # expect: TypeError: endswith first arg must be bytes or a tuple of bytes, not list
t(lambda: b"abc".strip("a"))  # expect: TypeError: a bytes-like object is required, not 'str'
t(lambda: b"abc".replace("a", "b"))  # expect: TypeError: a bytes-like object is required, not 'str'
t(lambda: b"abc".center(5, "x"))  # expect: TypeError: center() argument 2 must be a byte string of length 1, not str
t(lambda: b"abc".center(5, b"xy"))  # expect: TypeError: center() argument 2 must be a byte string of length 1, not bytes
t(lambda: b"abc".partition(b""))  # expect: ValueError: empty separator
t(lambda: bytes.fromhex("zz"))  # expect: ValueError: non-hexadecimal number found in fromhex() arg at position 0
t(lambda: bytes.fromhex("0"))  # expect: ValueError: non-hexadecimal number found in fromhex() arg at position 1
t(lambda: bytes.fromhex("12 3"))  # expect: ValueError: non-hexadecimal number found in fromhex() arg at position 4
t(lambda: bytes.fromhex(b"01"))  # expect: TypeError: fromhex() argument must be str, not bytes
t(lambda: b"abc".hex("ab"))  # expect: ValueError: sep must be length 1.
t(lambda: b"abc".translate(b"short"))  # expect: ValueError: translation table must be 256 characters long
t(lambda: bytes.maketrans(b"a", b"bc"))  # expect: ValueError: maketrans arguments must have same length
t(lambda: b"abc" < "abc")  # expect: TypeError: '<' not supported between instances of 'bytes' and 'str'
t(lambda: b"abc".upper(1))  # expect: TypeError: bytes.upper() takes no arguments (1 given)
t(lambda: b"abc".removeprefix())  # expect: TypeError: bytes.removeprefix() takes exactly one argument (0 given)
t(lambda: b"abc".decode(1))  # expect: TypeError: decode() argument 'encoding' must be str, not int
t(lambda: b"abc".count())  # expect: TypeError: count() takes at least 1 argument (0 given)
t(lambda: b"abc".find(b"a", "x"))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
