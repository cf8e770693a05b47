# A syntax error at the end of a line: the caret points just past the operator.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     a = 1 +
# expect stderr:            ^
# expect error: SyntaxError: invalid syntax
a = 1 +
