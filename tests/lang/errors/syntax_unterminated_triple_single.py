# An unterminated ''' string.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = '''abc
# expect stderr:         ^
# expect error: SyntaxError: unterminated triple-quoted string literal (detected at line 8)
x = 1
s = '''abc

