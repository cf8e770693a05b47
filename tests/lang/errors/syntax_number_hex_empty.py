# '0x' without digits.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0x
# expect stderr:          ^
# expect error: SyntaxError: invalid hexadecimal literal
x = 0x
