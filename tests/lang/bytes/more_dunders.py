# bytes: subclasses, __index__ arguments, dunder methods called directly, mixing with str formatting.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ":", e)
class I:
    def __index__(self): return 2
class MyBytes(bytes):
    def __repr__(self): return "MyBytes(" + bytes.__repr__(self) + ")"
t(lambda: bytes(I()))  # expect: b'\x00\x00'
t(lambda: b"abc"[I()])  # expect: 99
t(lambda: b"abc" * I())  # expect: b'abcabc'
t(lambda: MyBytes.fromhex("4142"))  # expect: MyBytes(b'AB')
t(lambda: type(MyBytes.fromhex("4142")).__name__)  # expect: 'MyBytes'
t(lambda: bytes.__new__(MyBytes, 3))  # expect: MyBytes(b'\x00\x00\x00')
t(lambda: b"-".join(x for x in [b"a", b"b"]))  # expect: b'a-b'
t(lambda: MyBytes(b"x") + MyBytes(b"y"))  # expect: b'xy'
t(lambda: MyBytes(b"ab")[0])  # expect: 97
t(lambda: MyBytes(b"ab").upper())  # expect: b'AB'
t(lambda: type(MyBytes(b"ab").upper()).__name__)  # expect: 'bytes'
t(lambda: bytes(MyBytes(b"q")))  # expect: b'q'
t(lambda: type(bytes(MyBytes(b"q"))).__name__)  # expect: 'bytes'
t(lambda: MyBytes(3))  # expect: MyBytes(b'\x00\x00\x00')
t(lambda: MyBytes("é", "utf-8"))  # expect: MyBytes(b'\xc3\xa9')
t(lambda: b"abc".__contains__(98))  # expect: True
t(lambda: bytes.__len__(b"abc"))  # expect: 3
t(lambda: b"abc".__getitem__(slice(1, None)))  # expect: b'bc'
t(lambda: b"a".__add__("b"))  # expect: TypeError: can't concat str to bytes
t(lambda: b"a".__mul__(3))  # expect: b'aaa'
t(lambda: b"a".__rmul__(3))  # expect: b'aaa'
t(lambda: b"ab".__iter__().__next__())  # expect: 97
t(lambda: b"abc".__hash__() == hash(b"abc"))  # expect: True
t(lambda: b"a".__eq__("a"))  # expect: NotImplemented
t(lambda: b"a".__lt__(b"b"))  # expect: True
t(lambda: b"%b" % b"x")  # expect: b'x'
t(lambda: b"%s" % "x")  # expect: TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
t(lambda: bytes.decode(b"\xc3\xa9"))  # expect: 'é'
t(lambda: str(b"abc"))  # expect: "b'abc'"
t(lambda: f"{b'x'}")  # expect: "b'x'"
t(lambda: "%s" % b"y")  # expect: "b'y'"
t(lambda: format(b"z"))  # expect: "b'z'"
t(lambda: [b"x"] == [b"x"])  # expect: True
t(lambda: b"x" in [b"x"])  # expect: True
t(lambda: {b"a": 1, "a": 2})  # expect: {b'a': 1, 'a': 2}
t(lambda: bytes(reversed(b"abc")))  # expect: b'cba'
t(lambda: sorted(b"cab"))  # expect: [97, 98, 99]
t(lambda: max(b""))  # expect: ValueError: max() arg is an empty sequence
t(lambda: bytes([True, False]))  # expect: b'\x01\x00'
t(lambda: b"ab".count(b"ab", None, None))  # expect: 1
t(lambda: b"aaa".count(b"aa"))  # expect: 1
t(lambda: b"ABC".lower().isupper())  # expect: False
t(lambda: dir(b"")[:3])  # expect: ['__add__', '__bytes__', '__class__']
t(lambda: b"x".__sizeof__() > 0)  # expect: True
t(lambda: bytes.maketrans(b"", b"")[:3])  # expect: b'\x00\x01\x02'
t(lambda: b"abc".hex(sep="-"))  # expect: '61-62-63'
t(lambda: b"abc".hex(bytes_per_sep=2, sep="-"))  # expect: '61-6263'
t(lambda: b"ab,cd".split(sep=b","))  # expect: [b'ab', b'cd']
t(lambda: b"ab cd ef".rsplit(maxsplit=1))  # expect: [b'ab cd', b'ef']
t(lambda: b"\xff".decode("utf-8", errors="strict"))  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
t(lambda: b"\xff".decode(errors="replace"))  # expect: '�'
t(lambda: list(reversed(MyBytes(b"ab"))))  # expect: [98, 97]
t(lambda: [next(e) for _ in range(2)])  # expect: NameError: name 'e' is not defined
t(lambda: next(reversed([])))  # expect: StopIteration: 
