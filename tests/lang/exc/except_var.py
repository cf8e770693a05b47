# The `as` variable is deleted when the except block ends; exception attributes.
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print(type(e).__name__, e)  # expect: ValueError v
try:
    print(e)
except NameError as err:
    print("NameError:", err)  # expect: NameError: name 'e' is not defined
def f():
    try:
        raise KeyError("k")
    except KeyError as exc:
        saved = exc
    return saved
s = f()
print(repr(s), s.args)  # expect: KeyError('k') ('k',)
err = ValueError("a", 2)
print(err.args, str(err))  # expect: ('a', 2) ('a', 2)
print(str(ValueError()), repr(ValueError()))  # expect:  ValueError()
print(repr(ValueError("x")))  # expect: ValueError('x')
print(str(ValueError(3)))  # expect: 3
x = 0
try:
    x = 1
    raise IndexError
except IndexError as ie:
    print(type(ie).__name__, repr(ie), x)  # expect: IndexError IndexError() 1
print(isinstance(ValueError("a"), Exception))  # expect: True
