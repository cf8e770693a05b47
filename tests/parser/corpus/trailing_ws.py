if x:
    pass
    