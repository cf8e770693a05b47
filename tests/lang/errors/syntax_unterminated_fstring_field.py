# An f-string whose replacement field is never closed.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = f"value {x"
# expect stderr:                    ^
# expect error: SyntaxError: f-string: expecting '}'
x = 1
s = f"value {x"
