# A syntax error: nothing runs (not even the first print); File line, source, caret, message.
# expect stderr:   File "{FILE}", line 11
# expect stderr:     x = = 1
# expect stderr:         ^
# expect error: SyntaxError: invalid syntax
print("never printed")


def f():
    return 1
x = = 1
