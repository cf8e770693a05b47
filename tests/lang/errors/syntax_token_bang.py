# A lone '!' is not a token.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = !x
# expect stderr:         ^
# expect error: SyntaxError: invalid syntax
x = 1
y = !x
