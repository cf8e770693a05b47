def f(None=1):
    pass