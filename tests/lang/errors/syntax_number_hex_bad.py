# '0xg': not a hexadecimal digit.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0xg
# expect stderr:          ^
# expect error: SyntaxError: invalid hexadecimal literal
x = 0xg
