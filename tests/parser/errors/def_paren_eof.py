def f():
    x = (