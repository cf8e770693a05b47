# str: indexing and slicing with negative indices and steps.
s = "abcdefgh"
print(s[0], s[-1], s[3])  # expect: a h d
print(s[2:5])  # expect: cde
print(s[:3])  # expect: abc
print(s[5:])  # expect: fgh
print(s[-3:])  # expect: fgh
print(s[:-3])  # expect: abcde
print(s[::2])  # expect: aceg
print(s[1::3])  # expect: beh
print(s[::-1])  # expect: hgfedcba
print(s[-2:1:-2])  # expect: gec
print(s[6:2:-1])  # expect: gfed
print(repr(s[5:2]))  # expect: ''
print(s[-100:100])  # expect: abcdefgh
print(repr(s[100:]))  # expect: ''
print(s[:])  # expect: abcdefgh
print("héllo"[1], "héllo"[::-1])  # expect: é olléh
print(s[slice(1, 4)])  # expect: bcd
print(s[len(s) - 1])  # expect: h
