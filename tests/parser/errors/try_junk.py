try x:
    pass