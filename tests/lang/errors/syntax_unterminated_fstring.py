# An unterminated f-string.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = f"value {x}
# expect stderr:         ^
# expect error: SyntaxError: unterminated string literal (detected at line 7)
x = 1
s = f"value {x}
