def f(**None):
    pass