# bytes core: construction, repr quoting, comparison, hashing, indexing, slicing, iteration, operators.
print(bytes(), bytes(0), bytes(2), bytes([]), bytes([0, 127, 128, 255]), bytes((104, 105)))  # expect: b'' b'' b'\x00\x00' b'' b'\x00\x7f\x80\xff' b'hi'
print(bytes(range(97, 100)), bytes(b"copy"), bytes(x for x in [65, 66]), bytes(True))  # expect: b'abc' b'copy' b'AB' b'\x00'
print(bytes("héllo", "utf-8"), bytes("abc", "ascii"), bytes("é", "latin-1"), bytes("é", encoding="utf-8"))  # expect: b'h\xc3\xa9llo' b'abc' b'\xe9' b'\xc3\xa9'
class B:
    def __bytes__(self):
        return b"from __bytes__"
print(bytes(B()))  # expect: b'from __bytes__'
class MyBytes(bytes):
    pass
m = MyBytes(b"sub")
print(m, type(m).__name__, m == b"sub", len(m), m + b"!", type(m + b"!").__name__)  # expect: b'sub' MyBytes True 3 b'sub!' bytes
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\\"), repr(b"\x7f\x80\x1f "))  # expect: b"'" b'"' b'\'"' b'\\' b'\x7f\x80\x1f '
print(b"\r\n\t\x00", [bytes([i]) for i in (7, 8, 11, 12, 27)])  # expect: b'\r\n\t\x00' [b'\x07', b'\x08', b'\x0b', b'\x0c', b'\x1b']
print(b"a" < b"b", b"a" < b"ab", b"ab" <= b"ab", b"b" > b"abc", b"" >= b"", b"x" != b"y")  # expect: True True True True True True
print(b"abc" == b"abc", b"abc" == "abc", b"abc" != "abc", hash(b"abc") == hash(b"ab" + b"c"))  # expect: True False True True
print({b"k": 1}[b"k"], b"x" in {b"x", b"y"}, sorted([b"b", b"a", b"ab"]))  # expect: 1 True [b'a', b'ab', b'b']
b = b"python"
print(b[0], b[-1], b[5], b[1:4], b[:2], b[4:], b[::2], b[::-1], b[-3:], b[10:], b[3:1], b[::-2])  # expect: 112 110 110 b'yth' b'py' b'on' b'pto' b'nohtyp' b'hon' b'' b'' b'nhy'
print(b[1:5:2], b[5:0:-2], b[-100:100], b[True])  # expect: b'yh' b'nhy' b'python' 121
print(len(b), len(b""), list(b"az"), [x for x in b"\x00\xff"], tuple(b"hi"))  # expect: 6 0 [97, 122] [0, 255] (104, 105)
it = iter(b"ab")
print(next(it), next(it), next(it, "done"))  # expect: 97 98 done
print(b"yth" in b, b"" in b, 112 in b, 0 in b, b"z" not in b)  # expect: True True True False True
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"x" * 0, b"x" * -5, b"" * 10)  # expect: b'abcd' b'ababab' b'xyxy' b'' b'' b''
x = b"a"
x += b"b"
x *= 2
print(x)  # expect: b'abab'
print(b"%s and %d" % (b"bytes", 42))  # expect: b'bytes and 42'
print(max(b"hello"), min(b"hello"), sum(b"\x01\x02"))  # expect: 111 101 3
print(bytes.fromhex("4142").decode(), str(b"xy", "ascii"), b"\xc3\xa9".decode("utf-8"))  # expect: AB xy é
print(b"abc".decode(), b"abc".decode(encoding="latin-1"), b"abc".decode("UTF8"), b"abc".decode("utf_8"))  # expect: abc abc abc abc
