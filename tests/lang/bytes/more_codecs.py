# bytes.decode / bytes(str, encoding): utf-8, ascii, latin-1 with error handlers and CPython's UnicodeError messages.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: b"\xe2\x82\xac \xf0\x9f\x98\x80".decode())  # expect: '€ 😀'
t(lambda: len(b"\xf0\x9f\x98\x80".decode("utf-8")))  # expect: 1
t(lambda: b"\xff".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
t(lambda: b"a\xe4\xb8".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data
t(lambda: b"a\xe4\x41".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 1: invalid continuation byte
t(lambda: b"a\xe4\xb8\x41".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte
t(lambda: b"\xed\xa0\x80".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte
t(lambda: b"\xc0\x80".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte
t(lambda: b"\xf0\x80\x80\x80".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf0 in position 0: invalid continuation byte
t(lambda: b"\xf4\x90\x80\x80".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte
t(lambda: b"\xf0\x9f\x98".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-2: unexpected end of data
t(lambda: b"\xf0\x9f".decode())  # expect: UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
t(lambda: b"\x80abc".decode("ascii"))  # expect: UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)
t(lambda: b"a\xff\xfeb".decode("utf-8", "replace"))  # expect: 'a��b'
t(lambda: b"a\xe4\xb8\x41".decode("utf-8", "replace"))  # expect: 'a�A'
t(lambda: b"a\xff\xfeb".decode("utf-8", "ignore"))  # expect: 'ab'
t(lambda: b"a\xff\xfeb".decode("utf-8", "backslashreplace"))  # expect: 'a\\xff\\xfeb'
t(lambda: b"a\xffb".decode("ascii", "replace"))  # expect: 'a�b'
t(lambda: b"a\xffb".decode("ascii", errors="ignore"))  # expect: 'ab'
t(lambda: b"a\xe9b".decode("latin-1"))  # expect: 'aéb'
t(lambda: b"\xe9".decode("iso-8859-1") == b"\xc3\xa9".decode())  # expect: True
t(lambda: b"a\xff".decode("utf-8", "bogus"))  # expect: LookupError: unknown error handler name 'bogus'
t(lambda: b"a".decode("utf-8", "bogus"))  # expect: 'a'
t(lambda: b"a".decode("bogus"))  # expect: LookupError: unknown encoding: bogus
t(lambda: bytes("aé", "ascii"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)
t(lambda: bytes("aé€b😀", "ascii"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)
t(lambda: bytes("a€€b", "latin-1"))  # expect: UnicodeEncodeError: 'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)
t(lambda: bytes("a😀", "latin-1"))  # expect: UnicodeEncodeError: 'latin-1' codec can't encode character '\U0001f600' in position 1: ordinal not in range(256)
t(lambda: bytes("aé€", "ascii", "replace"))  # expect: b'a??'
t(lambda: bytes("aé€", "ascii", "ignore"))  # expect: b'a'
t(lambda: bytes("aé€😀", "ascii", "backslashreplace"))  # expect: b'a\\xe9\\u20ac\\U0001f600'
t(lambda: bytes("aé€", "ascii", "xmlcharrefreplace"))  # expect: b'a&#233;&#8364;'
t(lambda: bytes("aé€", "us-ascii", "bogus"))  # expect: LookupError: unknown error handler name 'bogus'
t(lambda: bytes("é€😀", "utf-8").decode("utf-8"))  # expect: 'é€😀'
try:
    b"ab\xff".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)  # expect: utf-8 2 3 invalid start byte b'ab\xff'
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))  # expect: True True
try:
    bytes("xyé", "ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)  # expect: ascii 2 3 ordinal not in range(128) xyé
