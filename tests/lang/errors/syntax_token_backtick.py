# Backquotes are gone since Python 3.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = `x`
# expect stderr:         ^
# expect error: SyntaxError: invalid syntax
x = 1
y = `x`
