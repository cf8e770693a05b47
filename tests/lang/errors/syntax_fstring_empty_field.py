# An empty f-string replacement field.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     s = f"value {}"
# expect stderr:                    ^
# expect error: SyntaxError: f-string: empty expression not allowed
x = 1
s = f"value {}"
