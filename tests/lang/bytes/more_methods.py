# bytes methods: searching, splitting, stripping, replacing, case, padding, hex.
b = b"hello world"
print(b.count(b"o"), b.count(b"l", 3), b.count(b"l", 3, 4), b.count(111), b.count(b""))  # expect: 2 2 1 2 12
print(b.find(b"o"), b.find(b"o", 5), b.find(b"z"), b.find(119), b.find(b"", 20))  # expect: 4 7 -1 6 -1
print(b.rfind(b"o"), b.rfind(b"o", 0, 5), b.rfind(b"l"), b.rfind(b""))  # expect: 7 4 9 11
print(b.index(b"w"), b.rindex(b"l"), b.index(b"o", -4))  # expect: 6 9 7
print(b.startswith(b"he"), b.startswith(b"wo", 6), b.startswith((b"x", b"hel")), b.endswith(b"ld"), b.endswith(b"lo", 0, 5))  # expect: True True True True True
print(b.startswith(b""), b.endswith(b"", 20), b.startswith(b"h", -100))  # expect: True False True
print(b.split(), b.split(b"o"), b.split(b"l", 1), b.rsplit(b"l", 1))  # expect: [b'hello', b'world'] [b'hell', b' w', b'rld'] [b'he', b'lo world'] [b'hello wor', b'd']
print(b"  a  b c ".split(), b"  a  b c ".split(None, 1), b"  a  b c ".rsplit(None, 1))  # expect: [b'a', b'b', b'c'] [b'a', b'b c '] [b'  a  b', b'c']
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 2), b"".split(), b"".split(b","))  # expect: [b'a', b'b', b'', b'c'] [b'a,b', b'', b'c'] [] [b'']
print(b"a b".split(maxsplit=0), b" a b ".rsplit(maxsplit=0))  # expect: [b'a b'] [b' a b']
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\n".splitlines(True), b"".splitlines())  # expect: [b'a', b'b', b'c', b'd'] [b'a\n', b'b\r\n'] []
print(b"  x  ".strip(), b"  x  ".lstrip(), b"  x  ".rstrip(), b"xxaxx".strip(b"x"), b"abcba".strip(b"ab"))  # expect: b'x' b'x  ' b'  x' b'a' b'c'
print(b"\t\n x\x0b\x0c\r".strip(), b"xyz".rstrip(b"z"), b"xyz".lstrip(None))  # expect: b'x' b'xy' b'xyz'
print(b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b.replace(b"zz", b"y"), b.replace(b"", b"-"))  # expect: b'hell0 w0rld' b'heLLo world' b'hello world' b'-h-e-l-l-o- -w-o-r-l-d-'
print(b"aaa".replace(b"a", b"bb"), b"aaa".replace(b"aa", b""), b"abc".replace(b"", b"-", 2), b"".replace(b"", b"x"))  # expect: b'bbbbbb' b'a' b'-a-bc' b'x'
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join((b"x",)), b"+".join(iter([b"1", b"2"])))  # expect: b'a-b-c' b'' b'x' b'1+2'
print(b.upper(), b"MiXeD 123".lower(), b"MiXeD".swapcase(), b"hello WORLD".capitalize(), b"hello wORLD 2b".title())  # expect: b'HELLO WORLD' b'mixed 123' b'mIxEd' b'Hello world' b'Hello World 2B'
print(b"abc".isalpha(), b"ab1".isalpha(), b"123".isdigit(), b"12a".isdigit(), b"a1".isalnum(), b"a 1".isalnum())  # expect: True False True False True False
print(b" \t\n".isspace(), b"".isspace(), b"ABC1".isupper(), b"AbC".isupper(), b"abc1".islower(), b"123".islower())  # expect: True False True False True False
print(b"Hello World".istitle(), b"Hello world".istitle(), b"".isascii(), b"\x80".isascii(), b"".isdigit())  # expect: True False True False False
print(b"ab".ljust(5), b"ab".rjust(5, b"*"), b"ab".center(6, b"-"), b"abc".center(6), b"abc".center(2))  # expect: b'ab   ' b'***ab' b'--ab--' b' abc  ' b'abc'
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(4), b"abc".zfill(2), b"".zfill(3))  # expect: b'00042' b'-0042' b'+004' b'abc' b'000'
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"x\ny\tz".expandtabs(2))  # expect: b'a       bc      d' b'a   b' b'x\ny z'
print(b"\x00\xff\x10".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex("-", -4), b"abcde".hex(b" ", 2))  # expect: 00ff10 61:62:63 6162-6364-6566 61626364-6566 61 6263 6465
print(bytes.fromhex("00ff10"), bytes.fromhex(" 61 62\n63 "), bytes.fromhex(""))  # expect: b'\x00\xff\x10' b'abc' b''
print(b"key=value".partition(b"="), b"novalue".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".rpartition(b"x"))  # expect: (b'key', b'=', b'value') (b'novalue', b'', b'') (b'a=b', b'=', b'c') (b'', b'', b'abc')
print(b"prefix_body".removeprefix(b"prefix_"), b"body.py".removesuffix(b".py"), b"abc".removeprefix(b"x"))  # expect: b'body' b'body' b'abc'
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"))  # expect: b'hippo' b'heo'
print(b"abc".__getnewargs__(), bytes.__bytes__(b"xy"), b"ab".decode("ascii"))  # expect: (b'abc',) b'xy' ab
