# str: escape sequences in literals, raw strings, repr of special characters.
print("a\tb")  # expect: a	b
print(len("a\nb"))  # expect: 3
print("back\\slash")  # expect: back\slash
print('it\'s', "say \"hi\"")  # expect: it's say "hi"
print("\x41\x42")  # expect: AB
print("\u00e9\u4e2d")  # expect: é中
print("\101")  # expect: A
print(r"raw\n\t")  # expect: raw\n\t
print(len(r"\n"))  # expect: 2
print(repr("a\nb\tc"))  # expect: 'a\nb\tc'
print(repr("it's"))  # expect: "it's"
print(repr('say "hi"'))  # expect: 'say "hi"'
print(repr("both ' and \""))  # expect: 'both \' and "'
print(repr("\x00\x7f"))  # expect: '\x00\x7f'
print(repr("é"))  # expect: 'é'
print(repr("\\"))  # expect: '\\'
print("""triple
quoted""")
# expect: triple
# expect: quoted
print("con" "cat" 'enated')  # expect: concatenated
print("line\
continued")  # expect: linecontinued
print(repr(""))  # expect: ''
