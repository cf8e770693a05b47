def None(x):
    pass