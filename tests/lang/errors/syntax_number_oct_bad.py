# '0o8': not an octal digit.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0o8
# expect stderr:           ^
# expect error: SyntaxError: invalid digit '8' in octal literal
x = 0o8
