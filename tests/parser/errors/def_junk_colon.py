def f() x:
    pass