# '09': leading zeros in a decimal literal.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 09
# expect stderr:         ^
# expect error: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
x = 09
