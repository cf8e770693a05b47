# A non-ASCII character that cannot be in an identifier.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = x € 2
# expect stderr:           ^
# expect error: SyntaxError: invalid character '€' (U+20AC)
x = 1
y = x € 2
