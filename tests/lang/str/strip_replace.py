# str: strip/lstrip/rstrip (with and without chars) and replace.
print(repr("  hi  ".strip()))  # expect: 'hi'
print(repr("  hi  ".lstrip()))  # expect: 'hi  '
print(repr("  hi  ".rstrip()))  # expect: '  hi'
print(repr("\t\n hi \n".strip()))  # expect: 'hi'
print("xxhixx".strip("x"))  # expect: hi
print("abcHIcba".strip("abc"))  # expect: HI
print("www.example.com".lstrip("w."))  # expect: example.com
print("file.txt...".rstrip("."))  # expect: file.txt
print("aaa".strip("a") == "")  # expect: True
print("hello world".replace("o", "0"))  # expect: hell0 w0rld
print("hello".replace("l", "L", 1))  # expect: heLlo
print("aaaa".replace("aa", "b"))  # expect: bb
print("abc".replace("", "-"))  # expect: -a-b-c-
print("abc".replace("x", "y"))  # expect: abc
print("a.b.c".replace(".", ""))  # expect: abc
print("ß straße".replace("ß", "ss"))  # expect: ss strasse
