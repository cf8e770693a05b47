# str: replace, join, translate/maketrans, encode (codecs and error handlers), predicates, dunders.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))  # expect: bbaa -a-b-c- -a-bc x
print(repr("".replace("", "x", 1)), repr("".replace("a", "b")), "éé".replace("é", "e"), "abab".replace("ab", "é", -1))  # expect: 'x' '' ee éé
print("hello".replace("l", ""), "hello".replace("hello", ""), "x".replace("x", "yyy"), "aXbXc".replace("X", "--", 1))  # expect: heo  yyy a--bXc
t(lambda: "a".replace(1, "x"))  # expect: TypeError: replace() argument 1 must be str, not int
t(lambda: "a".replace("a", 1))  # expect: TypeError: replace() argument 2 must be str, not int
t(lambda: "a".replace("a", "b", "c"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: "a".replace("a"))  # expect: TypeError: replace expected at least 2 arguments, got 1
t(lambda: "a".replace("a", "b", count=1))  # expect: TypeError: str.replace() takes no keyword arguments
print("-".join(("a", "b")), "é".join("abc"), "".join(x for x in "xyz"), ", ".join({"k": 1}), repr("x".join([])))  # expect: a-b aébéc xyz k ''
t(lambda: "-".join(1))  # expect: TypeError: can only join an iterable
t(lambda: "-".join([1]))  # expect: TypeError: sequence item 0: expected str instance, int found
t(lambda: "-".join())  # expect: TypeError: str.join() takes exactly one argument (0 given)
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcd-abcd".translate(table))  # expect: [(97, 120), (98, 121), (99, 122), (100, None)] xyz-xyz
print("hello".translate({ord("l"): "L", ord("o"): None, ord("h"): 0x48}), "é".translate({233: "e"}))  # expect: HeLL e
print(str.maketrans({"a": "b", 99: None}), "abc".translate(str.maketrans({"a": "é", "c": "ĉĉ"})))  # expect: {97: 'b', 99: None} ébĉĉ
print("abc".translate("x"), "abc".translate({}), "abc".translate([]))  # expect: abc abc abc
t(lambda: "abc".translate({97: 1.5}))  # expect: TypeError: character mapping must return integer, None or str
t(lambda: "abc".translate({97: 0x110000}))  # expect: ValueError: character mapping must be in range(0x110000)
t(lambda: "abc".translate({97: -1}))  # expect: ValueError: character mapping must be in range(0x110000)
t(lambda: str.maketrans())  # expect: TypeError: maketrans expected at least 1 argument, got 0
t(lambda: str.maketrans(1))  # expect: TypeError: if you give only one argument to maketrans it must be a dict
t(lambda: str.maketrans({"ab": 2}))  # expect: ValueError: string keys in translate table must be of length 1
t(lambda: str.maketrans({1.5: 2}))  # expect: TypeError: keys in translate table must be strings or integers
t(lambda: str.maketrans("ab", "c"))  # expect: ValueError: the first two maketrans arguments must have equal length
t(lambda: str.maketrans("ab", 1))  # expect: TypeError: maketrans() argument 2 must be str, not int
t(lambda: str.maketrans(1, "cd"))  # expect: TypeError: first maketrans argument must be a string if there is a second argument
t(lambda: str.maketrans("ab", "cd", 1))  # expect: TypeError: maketrans() argument 3 must be str, not int
print("héllo €".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), "é".encode("UTF8"), "é".encode("Latin_1"))  # expect: b'h\xc3\xa9llo \xe2\x82\xac' b'h\xe9llo' b'abc' b'\xc3\xa9' b'\xe9'
print("é".encode(encoding="iso-8859-1"), "x".encode("US-ASCII"), "é".encode(" utf-8 "), "😀".encode("utf-8"))  # expect: b'\xe9' b'x' b'\xc3\xa9' b'\xf0\x9f\x98\x80'
print("aé€😀b".encode("ascii", "ignore"), "aé€b".encode("ascii", "replace"), "aé€b".encode("latin-1", "replace"))  # expect: b'ab' b'a??b' b'a\xe9?b'
print("aé€😀\x01".encode("ascii", "backslashreplace"), "aé€😀".encode("ascii", "xmlcharrefreplace"))  # expect: b'a\\xe9\\u20ac\\U0001f600\x01' b'a&#233;&#8364;&#128512;'
print("a\udc80\udcffb".encode("utf-8", "surrogateescape"), "a\ud800b".encode("utf-8", "surrogatepass"))  # expect: b'a\x80\xffb' b'a\xed\xa0\x80b'
print("a\udc80b".encode("latin-1", "surrogateescape"), "a\ud800b".encode("utf-8", "ignore"))  # expect: b'a\x80b' b'ab'
t(lambda: "é".encode("ascii"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
t(lambda: "aé€b".encode("latin-1"))  # expect: UnicodeEncodeError: 'latin-1' codec can't encode character '\u20ac' in position 2: ordinal not in range(256)
t(lambda: "aé€€b".encode("ascii"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)
t(lambda: "a😀".encode("ascii"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode character '\U0001f600' in position 1: ordinal not in range(128)
t(lambda: "a\ud800\udfffb".encode())  # expect: UnicodeEncodeError: 'utf-8' codec can't encode characters in position 1-2: surrogates not allowed
t(lambda: "a\udc80\u0100b".encode("ascii", "surrogateescape"))  # expect: UnicodeEncodeError: 'ascii' codec can't encode character '\u0100' in position 2: ordinal not in range(128)
t(lambda: "é".encode("ascii", "bad"))  # expect: LookupError: unknown error handler name 'bad'
t(lambda: "a".encode("foo"))  # expect: LookupError: unknown encoding: foo
t(lambda: "a".encode(1))  # expect: TypeError: encode() argument 'encoding' must be str, not int
t(lambda: "a".encode("utf-8", errors=1))  # expect: TypeError: encode() argument 'errors' must be str, not int
t(lambda: "a".encode("utf-8", "strict", 1))  # expect: TypeError: encode() takes at most 2 arguments (3 given)
print("ab12".isalnum(), "ab 12".isalnum(), "½".isalnum(), "é٣".isalnum(), "".isalnum())  # expect: True False True True False
print("abc".isalpha(), "日本".isalpha(), "١".isalpha(), "Ⅻ".isalpha(), "a̐".isalpha(), "ª".isalpha())  # expect: True True False False False True
print("123".isdecimal(), "١٢٣".isdecimal(), "²".isdecimal(), "²".isdigit(), "①".isdigit(), "½".isdigit())  # expect: True True False True True False
print("½".isnumeric(), "一二".isnumeric(), "Ⅻ".isnumeric(), "x".isnumeric(), "".isnumeric(), "٣".isnumeric())  # expect: True True True False False True
print(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f".isspace(), "\x85\xa0\u2028\u3000".isspace(), "\u200b".isspace())  # expect: True True False
print("_a1".isidentifier(), "é1".isidentifier(), "1a".isidentifier(), "".isidentifier(), "a-b".isidentifier())  # expect: True True False False False
print("a b".isprintable(), "a\x7f".isprintable(), "\xa0".isprintable(), "".isprintable(), "é€".isprintable())  # expect: True False False True True
print("abc".isascii(), "é".isascii(), "".isascii(), "\x7f".isascii())  # expect: True False True True
t(lambda: "a".lower(1))  # expect: TypeError: str.lower() takes no arguments (1 given)
t(lambda: "a".lower(x=1))  # expect: TypeError: str.lower() takes no keyword arguments
t(lambda: "a".isdigit(1))  # expect: TypeError: str.isdigit() takes no arguments (1 given)
print("ab".__getnewargs__(), "ab".__format__(">4"), "ab".__format__(""), "".__sizeof__(), "abc".__sizeof__())  # expect: ('ab',)   ab ab 49 52
print("é".__sizeof__(), "€".__sizeof__(), "😀".__sizeof__(), "ab€".__sizeof__())  # expect: 74 76 80 80
t(lambda: "ab".__format__(1))  # expect: TypeError: __format__() argument must be str, not int
class S(str):
    pass
x = S("ab")
print(type(x.strip()).__name__, type(x.partition("z")[0]).__name__, type(x.replace("z", "q")).__name__)  # expect: str S str
print(type(x.__getnewargs__()[0]).__name__, type(x.center(1)).__name__, type(x.removeprefix("q")).__name__)  # expect: str str str
print(x.upper(), x.split(), type(x.split()[0]).__name__, x.find("b"), x + "c", type(x + "").__name__)  # expect: AB ['ab'] str 1 abc str
