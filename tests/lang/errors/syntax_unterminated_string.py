# An unterminated string literal.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     s = "unterminated
# expect stderr:         ^
# expect error: SyntaxError: unterminated string literal (detected at line 6)
s = "unterminated
