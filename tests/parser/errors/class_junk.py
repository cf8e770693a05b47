class A x:
    pass