# str: lower/upper/casefold/swapcase/title/capitalize (ASCII and Unicode, special casing, final sigma).
print("Hello, World! 123".lower(), "Hello, World! 123".upper(), "Hello, World!".swapcase())  # expect: hello, world! 123 HELLO, WORLD! 123 hELLO, wORLD!
print("hello world's end".title(), "HELLO wORLD".capitalize(), "123abc def".title(), "a1b2 c3".title())  # expect: Hello World'S End Hello world 123Abc Def A1B2 C3
print("they're bill's friends".title(), "_x_y z-w".title(), repr("".title()), repr("".capitalize()), repr("".upper()))  # expect: They'Re Bill'S Friends _X_Y Z-W '' '' ''
print("naïve café ÀÉÎ".upper(), "ÀÉÎÕÜ ÇÑ".lower(), "ÀéÎ".swapcase(), "éCOLE".capitalize())  # expect: NAÏVE CAFÉ ÀÉÎ àéîõü çñ àÉî École
print("straße".upper(), "ß".title(), "ﬁne ﬂow".upper(), "ﬁne".title(), "ﬁne".capitalize())  # expect: STRASSE Ss FINE FLOW Fine Fine
print("İstanbul".lower(), len("İ".lower()), "ŉ".upper(), "ǰ".upper(), "ΐ".upper())  # expect: i̇stanbul 2 ʼN J̌ Ϊ́
print("ǆemal ǈ ǋ".title(), "ǅ".upper(), "ǅ".lower(), "ǅ".swapcase(), "ǆ".capitalize())  # expect: ǅemal ǈ ǋ Ǆ ǆ ǅ ǅ
print("ΣΑΣ ΣΑΣ. Σ ΑΣ' ΌΣΟΣ".lower(), "ΣΑΣ".swapcase(), "ΣΑΣ".casefold(), "aΣb".lower())  # expect: σας σας. σ ας' όσος σας σασ aσb
print("ᾳ ᾼ ῳ".upper(), "ᾳ ᾼ".title(), "ᾼ".lower())  # expect: ΑΙ ΑΙ ΩΙ ᾼ ᾼ ᾳ
print("Straße ﬁ ΣΑΣ µ ſ".casefold(), "ẞ".lower(), "ẞ".casefold(), "Ꭰꭰ".casefold(), "Ꭰ".lower())  # expect: strasse fi σασ μ s ß ss ᎠᎠ ꭰ
print("Ωmega ωMEGA".swapcase(), "ǲ".istitle(), "ǲabc".istitle(), "Ǳabc".istitle())  # expect: ωMEGA Ωmega True True True
print("日本語".upper(), "Ⅻ ⅻ".lower(), "ⓐⓑ".upper(), "𐐀𐐨".swapcase())  # expect: 日本語 ⅻ ⅻ ⒶⒷ 𐐨𐐀
print("ABC".isupper(), "AbC".isupper(), "ABC1".isupper(), "123".isupper(), "".isupper(), "É".isupper())  # expect: True False True False False True
print("abc".islower(), "abC".islower(), "a1".islower(), "1".islower(), "ß".islower(), "ǅ".islower())  # expect: True False True False True False
print("Hello World".istitle(), "Hello world".istitle(), "HEllo".istitle(), "A1B".istitle(), "1".istitle())  # expect: True False False True False
print("Élan Vital".istitle(), "ǅemal".istitle(), "".istitle(), "A".istitle(), "a".istitle())  # expect: True True False True False
s = "lower"
print(s.lower() == s, s.upper().lower() == s, "MiXeD".lower().upper())  # expect: True True MIXED
