# bytes: literals, len, indexing gives int, slicing, concatenation, decode, repr.
b = b"hello"
print(b)  # expect: b'hello'
print(len(b))  # expect: 5
print(b[0], b[-1])  # expect: 104 111
print(type(b[0]).__name__)  # expect: int
print(b[1:3])  # expect: b'el'
print(b[::-1])  # expect: b'olleh'
print(b + b" world")  # expect: b'hello world'
print(b * 2)  # expect: b'hellohello'
print(b.decode())  # expect: hello
print(b"\xc3\xa9t\xc3\xa9".decode("utf-8"))  # expect: été
print(b"\x00\x01\xff")  # expect: b'\x00\x01\xff'
print(b"tab\there\n")  # expect: b'tab\there\n'
print(b"it's")  # expect: b"it's"
print(b"\\")  # expect: b'\\'
print(repr(b""))  # expect: b''
print(bytes([65, 66, 67]))  # expect: b'ABC'
print(bytes(3))  # expect: b'\x00\x00\x00'
print(list(b"ab"))  # expect: [97, 98]
print(b"ab" == b"ab", b"ab" < b"b")  # expect: True True
print(b"ell" in b, 104 in b)  # expect: True True
print(b.upper(), b.find(b"l"))  # expect: b'HELLO' 2
print(b"a,b".split(b","))  # expect: [b'a', b'b']
print(b"-".join([b"x", b"y"]))  # expect: b'x-y'
print(rb"\n")  # expect: b'\\n'
print(bytes("é", "utf-8"))  # expect: b'\xc3\xa9'
print(b"abc" == "abc")  # expect: False
print(b"x" + bytes([0x41]))  # expect: b'xA'
