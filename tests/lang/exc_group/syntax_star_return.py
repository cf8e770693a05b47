# return with a constant: reported at the value.
def f():
    try:
        pass
    except* ValueError:
        return 1
# expect stderr:   File "{FILE}", line 6
# expect stderr:     return 1
# expect stderr:            ^
# expect error: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
