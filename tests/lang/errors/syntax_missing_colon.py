# A missing colon after an if condition.
# expect stderr:   File "{FILE}", line 8
# expect stderr:     if x == 1
# expect stderr:              ^
# expect error: SyntaxError: expected ':'
x = 1
print(x)
if x == 1
    print(x)
