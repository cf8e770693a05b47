# '0b' without digits.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0b
# expect stderr:          ^
# expect error: SyntaxError: invalid binary literal
x = 0b
