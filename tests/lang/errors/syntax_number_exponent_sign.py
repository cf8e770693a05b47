# '1.e+': an exponent sign without digits.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 1.e+
# expect stderr:            ^
# expect error: SyntaxError: invalid decimal literal
x = 1.e+
