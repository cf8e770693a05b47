# '1e': an exponent without digits.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 1e
# expect stderr:         ^
# expect error: SyntaxError: invalid decimal literal
x = 1e
