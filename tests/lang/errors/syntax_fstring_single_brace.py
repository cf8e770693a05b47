# A single '}' in an f-string.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = f"value }"
# expect stderr:                   ^
# expect error: SyntaxError: f-string: single '}' is not allowed
x = 1
s = f"value }"
