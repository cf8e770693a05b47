# '1__0': two underscores in a row.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 1__0
# expect stderr:          ^
# expect error: SyntaxError: invalid decimal literal
x = 1__0
