def f(*None):
    pass