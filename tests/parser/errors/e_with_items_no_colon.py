with a, b
    pass