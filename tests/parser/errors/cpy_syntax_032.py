if True:
    print("Hello"
