# A bad f-string conversion character.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = f"{x!z}"
# expect stderr:                 ^
# expect error: SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
x = 1
s = f"{x!z}"
