# '12abc': a number followed by letters.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     x = 12abc
# expect stderr:          ^
# expect error: SyntaxError: invalid decimal literal
x = 12abc
