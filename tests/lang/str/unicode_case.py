# str: case mapping and predicates beyond ASCII (needs Unicode tables, incl. special casing).
print("naïve café".upper())  # expect: NAÏVE CAFÉ
print("ÅNGSTRÖM".lower())  # expect: ångström
print("ÉCOLE".lower(), "élan".capitalize())  # expect: école Élan
print("straße".upper())  # expect: STRASSE
print("ÀB".swapcase())  # expect: àb
print("été".isalpha(), "ÉTÉ".isupper(), "été".islower())  # expect: True True True
print("日本".isalpha(), "١٢٣".isdigit())  # expect: True True
print("Ωmega".lower(), "ωmega".title())  # expect: ωmega Ωmega
print("ß".lower(), len("ß".upper()))  # expect: ß 2
print("\u00a0".isspace(), "x\u2028y".splitlines())  # expect: True ['x', 'y']
