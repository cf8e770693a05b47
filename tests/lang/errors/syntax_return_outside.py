# 'return' outside a function is a SyntaxError found by the compiler (caret line not checked).
# expect stderr:   File "{FILE}", line 5
# expect stderr:     return 5
# expect error: SyntaxError: 'return' outside function
return 5
