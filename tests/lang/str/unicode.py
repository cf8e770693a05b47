# str: non-ASCII text: len counts code points, ord/chr, slicing, case.
s = "naïve café"
print(len(s))  # expect: 10
print(len("日本語"))  # expect: 3
print(len("😀"))  # expect: 1
print(ord("é"))  # expect: 233
print(ord("€"))  # expect: 8364
print(ord("😀"))  # expect: 128512
print(chr(233), chr(8364), chr(0x4e2d))  # expect: é € 中
print(chr(128512) == "😀")  # expect: True
print(ord("A"), chr(97))  # expect: 65 a
print(s[2], s[-1])  # expect: ï é
print(s[6:])  # expect: café
print("日本語"[::-1])  # expect: 語本日
print(list("añb"))  # expect: ['a', 'ñ', 'b']
print("日本" + "語" * 2)  # expect: 日本語語
print("本" in "日本語", "日本語".find("語"))  # expect: True 2
print(repr("日本"))  # expect: '日本'
print(len("€".encode()), len("😀".encode()))  # expect: 3 4
print(b"\xe2\x82\xac".decode())  # expect: €
