# str: split/rsplit (whitespace and separator, maxsplit, keywords), splitlines, partition.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("  a  b  c  ".split(), "  a  b  c  ".rsplit())  # expect: ['a', 'b', 'c'] ['a', 'b', 'c']
print("  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1))  # expect: ['a', 'b  c  '] ['  a  b', 'c']
print("  a  b  ".split(None, 0), "  a  b  ".rsplit(None, 0), "a b".split(maxsplit=0))  # expect: ['a  b  '] ['  a  b'] ['a b']
print("a\x1cb\x1dc\x1ed\x1fe\x85f\u2028g\u3000h\xa0i".split())  # expect: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
print("a,b,,c,".split(","), "a,b,,c,".rsplit(","), ",".split(","))  # expect: ['a', 'b', '', 'c', ''] ['a', 'b', '', 'c', ''] ['', '']
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b".split(",", -5))  # expect: ['a', 'b', 'c,d'] ['a,b', 'c', 'd'] ['a', 'b']
print("a::b::c".rsplit("::", 1), "x--y--".split("--"), "ééaéé".split("a"), "日本語".split("本"))  # expect: ['a::b', 'c'] ['x', 'y', ''] ['éé', 'éé'] ['日', '語']
print("aaa".split("a"), "aaa".rsplit("aa"), "aaaa".split("aa"))  # expect: ['', '', '', ''] ['a', ''] ['', '', '']
print("a b".split(sep=None, maxsplit=1), "a-b-c".rsplit(sep="-", maxsplit=1))  # expect: ['a', 'b'] ['a-b', 'c']
print("one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1dx\x1ey\x85z\u2028w\u2029v".splitlines())  # expect: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'x', 'y', 'z', 'w', 'v']
print("a\n\nb\r\n\r\n".splitlines(), "a\n\nb\r\n\r\n".splitlines(True), "a\r\nb".splitlines(keepends=True))  # expect: ['a', '', 'b', ''] ['a\n', '\n', 'b\r\n', '\r\n'] ['a\r\n', 'b']
print("".splitlines(), "\n".splitlines(), "\n".splitlines(True), "x".splitlines(), "a\x1fb".splitlines())  # expect: [] [''] ['\n'] ['x'] ['a\x1fb']
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))  # expect: ('key', '=', 'value=x') ('key=value', '=', 'x') ('none', '', '') ('', '', 'none')
print("é=ü".partition("="), "abc".partition("abc"), "abcabc".rpartition("bc"))  # expect: ('é', '=', 'ü') ('', 'abc', '') ('abca', 'bc', '')
t(lambda: "a".split(""))  # expect: ValueError: empty separator
t(lambda: "a".rsplit(""))  # expect: ValueError: empty separator
t(lambda: "a".split(1))  # expect: TypeError: must be str or None, not int
t(lambda: "a".split(",", "x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: "a".split(",", 1, 2))  # expect: TypeError: split() takes at most 2 arguments (3 given)
t(lambda: "a".split(",", sep=","))  # expect: TypeError: argument for split() given by name ('sep') and position (1)
t(lambda: "a".split(foo=1))  # expect: TypeError: 'foo' is an invalid keyword argument for split()
t(lambda: "a".split(",", 10**30))  # expect: OverflowError: Python int too large to convert to C ssize_t
t(lambda: "a".splitlines(1, 2))  # expect: TypeError: splitlines() takes at most 1 argument (2 given)
t(lambda: "a".splitlines(1.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: "a".partition(""))  # expect: ValueError: empty separator
t(lambda: "a".partition(1))  # expect: TypeError: must be str, not int
t(lambda: "a".rpartition(None))  # expect: TypeError: must be str, not NoneType
t(lambda: "a".partition())  # expect: TypeError: str.partition() takes exactly one argument (0 given)
s = "nosplit"
print(s.split()[0] is s, s.split(",")[0] is s, s.rsplit()[0] is s, s.splitlines()[0] is s, s.partition(",")[0] is s)  # expect: True True True True True
