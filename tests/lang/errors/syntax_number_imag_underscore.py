# '5_j'.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 5_j
# expect stderr:          ^
# expect error: SyntaxError: invalid decimal literal
x = 5_j
