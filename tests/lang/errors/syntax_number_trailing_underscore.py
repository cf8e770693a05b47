# '1_': an underscore must be followed by a digit.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 1_
# expect stderr:          ^
# expect error: SyntaxError: invalid decimal literal
x = 1_
