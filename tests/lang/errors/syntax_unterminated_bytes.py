# An unterminated bytes literal.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = b"abc
# expect stderr:         ^
# expect error: SyntaxError: unterminated string literal (detected at line 7)
x = 1
s = b"abc
