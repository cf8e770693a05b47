if x:
    # c