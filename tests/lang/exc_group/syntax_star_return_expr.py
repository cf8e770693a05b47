# return with an expression: reported at the statement.
def f():
    try:
        pass
    except* ValueError:
        return f(x)
# expect stderr:   File "{FILE}", line 6
# expect stderr:     return f(x)
# expect stderr:     ^^^^^^^^^^^
# expect error: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
