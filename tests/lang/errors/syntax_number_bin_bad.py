# '0b2': not a binary digit.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0b2
# expect stderr:           ^
# expect error: SyntaxError: invalid digit '2' in binary literal
x = 0b2
