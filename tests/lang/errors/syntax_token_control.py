# A control character.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = x  2
# expect stderr:           ^
# expect error: SyntaxError: invalid non-printable character U+0001
x = 1
y = x  2
