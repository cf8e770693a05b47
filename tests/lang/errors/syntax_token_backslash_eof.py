# A backslash at the very end of the file.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = x + \
# expect stderr:              ^
# expect error: SyntaxError: unexpected EOF while parsing
x = 1
y = x + \