class A
    pass