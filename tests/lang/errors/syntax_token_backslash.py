# A backslash not at the end of a line.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = x \ 2
# expect stderr:            ^
# expect error: SyntaxError: unexpected character after line continuation character
x = 1
y = x \ 2
