def f(x, None):
    pass