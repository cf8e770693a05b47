# A string whose closing quote is escaped.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = "abc\
# expect stderr:         ^
# expect error: SyntaxError: unterminated string literal (detected at line 7)
x = 1
s = "abc\
