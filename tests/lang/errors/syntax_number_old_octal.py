# '0777': old-style octal.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 0777
# expect stderr:         ^
# expect error: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
x = 0777
