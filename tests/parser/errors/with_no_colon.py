with a
    pass