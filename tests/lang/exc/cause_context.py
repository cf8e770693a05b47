# __cause__, __context__ and __suppress_context__ for raise from and implicit chaining.
try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("wrapped") from inner
except ValueError as e:
    print(type(e.__cause__).__name__)  # expect: ZeroDivisionError
    print(type(e.__context__).__name__)  # expect: ZeroDivisionError
    print(e.__suppress_context__)  # expect: True
    print(e.__cause__ is e.__context__)  # expect: True
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(e.__cause__)  # expect: None
    print(repr(e.__context__))  # expect: KeyError('k')
    print(e.__suppress_context__)  # expect: False
try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)  # expect: None None False
try:
    raise IndexError("x") from KeyError("y")
except IndexError as e:
    print(repr(e.__cause__), e.__context__)  # expect: KeyError('y') None
try:
    try:
        raise TypeError("a")
    except TypeError:
        raise ValueError("b") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)  # expect: None TypeError True
err = ValueError("manual")
err.__cause__ = KeyError("c")
print(repr(err.__cause__), err.__suppress_context__)  # expect: KeyError('c') True
