# '1.2.3'.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 1.2.3
# expect stderr:            ^^
# expect error: SyntaxError: invalid syntax
x = 1.2.3
