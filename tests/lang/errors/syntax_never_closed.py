# An opening parenthesis that is never closed; reported at the parenthesis.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = (1 +
# expect stderr:         ^
# expect error: SyntaxError: '(' was never closed
x = (1 +
y = 2
