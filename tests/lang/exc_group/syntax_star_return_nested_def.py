# A function defined in except* may return and a loop in it may break, even
# from a finally; a return from a finally inside except* may not.
def f():
    try:
        pass
    except* ValueError:
        def g():
            return 1
        while True:
            try:
                pass
            finally:
                break
    try:
        pass
    except* TypeError:
        try:
            pass
        finally:
            return
# expect stderr:   File "{FILE}", line 20
# expect stderr:     return
# expect stderr:     ^^^^^^
# expect error: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
