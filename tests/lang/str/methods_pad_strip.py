# str: center/ljust/rjust/zfill (fill characters, odd margins), strip family, removeprefix/suffix, expandtabs.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(repr("ab".center(5)), repr("ab".center(6)), repr("abc".center(6)), repr("abc".center(7, "é")))  # expect: '  ab ' '  ab  ' ' abc  ' 'ééabcéé'
print(repr("a".center(4, "*")), repr("ab".center(5, "-")), repr("é".center(3, "€")), repr("x".center(-3)))  # expect: '*a**' '--ab-' '€é€' 'x'
print(repr("ab".ljust(4, "·")), repr("ab".rjust(4, "·")), repr("abc".ljust(2)), repr("日本".rjust(5, "語")))  # expect: 'ab··' '··ab' 'abc' '語語語日本'
print("42".zfill(6), "-42".zfill(6), "+42".zfill(6), "--42".zfill(6), "abc".zfill(5), "".zfill(3), "-".zfill(3))  # expect: 000042 -00042 +00042 -00-42 00abc 000 -00
print("é".zfill(3), "-é".zfill(4), "12345".zfill(-1))  # expect: 00é -00é 12345
print(repr(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2000\u3000 x \u3000".strip()))  # expect: 'x'
print(repr("\u3000 x \u200b".strip()), repr("  x  ".lstrip()), repr("  x  ".rstrip()))  # expect: 'x \u200b' 'x  ' '  x'
print("xyxzyx".strip("xy"), "xyxzyx".lstrip("xy"), "xyxzyx".rstrip("xy"), "ééaéé".strip("é"), "aéb".strip("ab"))  # expect: z zyx xyxz a é
print(repr("abc".strip("abc")), repr("abc".strip("")), repr("  a ".strip(None)), "日本語日".strip("日"))  # expect: '' 'abc' 'a' 本語
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("x"), "name.py".removesuffix(".py"))  # expect: name prefix_name name
print("name.py".removesuffix(""), "éa".removeprefix("é"), "aé".removesuffix("é"), "a".removeprefix("abc"))  # expect: name.py a a a
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("abcd\te".expandtabs(4)))  # expect: 'a       b       c' 'a   b' 'abcd    e'
print(repr("a\n\tb\r\tc".expandtabs(4)), repr("é\tx".expandtabs(3)), repr("a\tb".expandtabs(0)), repr("a\tb".expandtabs(-2)))  # expect: 'a\n    b\r    c' 'é  x' 'ab' 'ab'
print(repr("\t".expandtabs(tabsize=2)), repr("no tabs".expandtabs()))  # expect: '  ' 'no tabs'
t(lambda: "a".center())  # expect: TypeError: center expected at least 1 argument, got 0
t(lambda: "a".center("x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: "a".center(5, "xy"))  # expect: TypeError: The fill character must be exactly one character long
t(lambda: "a".center(5, 1))  # expect: TypeError: The fill character must be a unicode character, not int
t(lambda: "a".center(5, fillchar="x"))  # expect: TypeError: str.center() takes no keyword arguments
t(lambda: "a".ljust(1, 2, 3))  # expect: TypeError: ljust expected at most 2 arguments, got 3
t(lambda: "a".rjust(1.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: "a".zfill())  # expect: TypeError: str.zfill() takes exactly one argument (0 given)
t(lambda: "a".zfill("x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: "a".zfill(10**30))  # expect: OverflowError: Python int too large to convert to C ssize_t
t(lambda: "a".strip(1))  # expect: TypeError: strip arg must be None or str
t(lambda: "a".rstrip(1))  # expect: TypeError: rstrip arg must be None or str
t(lambda: "a".strip("a", "b"))  # expect: TypeError: strip expected at most 1 argument, got 2
t(lambda: "a".removeprefix(1))  # expect: TypeError: removeprefix() argument must be str, not int
t(lambda: "a".removesuffix(None))  # expect: TypeError: removesuffix() argument must be str, not None
t(lambda: "a".expandtabs("x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: "a".expandtabs(x=1))  # expect: TypeError: 'x' is an invalid keyword argument for expandtabs()
t(lambda: "a".expandtabs(10**30))  # expect: OverflowError: Python int too large to convert to C int
s = "same"
print(s.strip() is s, s.center(2) is s, s.ljust(4) is s, s.zfill(1) is s, s.removeprefix("x") is s, s.expandtabs() is s)  # expect: True True True True True True
