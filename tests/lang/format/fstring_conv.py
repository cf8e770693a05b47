# f-strings: conversions !r !s !a, nested specs, {x=}, braces, expressions inside.
v = "it's"
print(f"{v!r}")  # expect: "it's"
print(f"{v!s}")  # expect: it's
print(f"{'é'!a}")  # expect: '\xe9'
print(f"{[1, 'a']!s:>12}|")  # expect:     [1, 'a']|
x = 2.71828
w, p = 10, 3
print(f"{x:{w}.{p}f}|")  # expect:      2.718|
print(f"{x:{w}}|")  # expect:    2.71828|
print(f"{x=}")  # expect: x=2.71828
print(f"{x=:.2f}")  # expect: x=2.72
print(f"{1 + 2=}")  # expect: 1 + 2=3
print(f"{v=}")  # expect: v="it's"
print(f"{{literal}} {{{w}}}")  # expect: {literal} {10}
print(f"{w * 2} {w > 5} {'yes' if w else 'no'}")  # expect: 20 True yes
print(f"{[i * i for i in range(4)]}")  # expect: [0, 1, 4, 9]
d = {"k": "val"}
print(f"{d['k']} {d}")  # expect: val {'k': 'val'}
print(f"{len(v)}")  # expect: 4
name = "World"
print(f"Hello, {name}!")  # expect: Hello, World!
print(f"{name!r:>10}")  # expect:    'World'
print(F"upper F {w}")  # expect: upper F 10
print(f"multi" f"ple {w}")  # expect: multiple 10
print(rf"\n{w}")  # expect: \n10
print(f"{None} {True}")  # expect: None True
print(f"")  # expect: 
