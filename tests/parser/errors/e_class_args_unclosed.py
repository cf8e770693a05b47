class A(B:
    pass