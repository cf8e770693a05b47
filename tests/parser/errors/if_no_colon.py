if x
    pass