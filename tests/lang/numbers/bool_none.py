# bool arithmetic and None.
print(True + True)  # expect: 2
print(True * 10)  # expect: 10
print(False - 1)  # expect: -1
print(True / 2)  # expect: 0.5
print(-True)  # expect: -1
print(True & False, True | False, True ^ True)  # expect: False True False
print(type(True & False).__name__)  # expect: bool
print(type(True + False).__name__)  # expect: int
print(sum([True, True, False, True]))  # expect: 3
print(True == 1, False == 0.0)  # expect: True True
print(isinstance(True, int))  # expect: True
print(str(True), repr(False))  # expect: True False
print(bool(0), bool(1), bool(-1))  # expect: False True True
print(bool(""), bool("a"), bool([]), bool([0]))  # expect: False True False True
print(bool(None), bool(0.0), bool({}), bool(()))  # expect: False False False False
print(not None)  # expect: True
print(None)  # expect: None
print(repr(None))  # expect: None
print(None is None, None == None)  # expect: True True
print(type(None).__name__)  # expect: NoneType
x = None
print(x is not None)  # expect: False
def f():
    pass
print(f())  # expect: None
print([None, True, False])  # expect: [None, True, False]
