# A generator keeps its own "exception being handled": sys.exc_info() inside the generator is the
# generator's, and it does not leak out to the caller (or in from the caller).
import sys


def handler():
    try:
        raise KeyError("inside")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


g = handler()
print(next(g), sys.exc_info())  # expect: KeyError('inside') (None, None, None)
try:
    raise IndexError("outside")
except IndexError:
    print(next(g), repr(sys.exc_info()[1]))  # expect: KeyError('inside') IndexError('outside')
    # Outside the except block inside the generator, the caller's exception shows through.
    print(next(g))  # expect: IndexError('outside')
print(sys.exc_info())  # expect: (None, None, None)


# A new exception raised after resuming inside an except block is chained to the handled one.
def chained():
    try:
        raise KeyError("first")
    except KeyError:
        yield
        raise ValueError("second")


g = chained()
next(g)
try:
    next(g)
except ValueError as e:
    print(repr(e), repr(e.__context__))  # expect: ValueError('second') KeyError('first')


# A bare raise inside the generator re-raises the generator's handled exception.
def reraiser():
    try:
        raise OSError("kept")
    except OSError:
        yield
        raise


g = reraiser()
next(g)
try:
    raise TypeError("caller's")
except TypeError:
    try:
        next(g)
    except OSError as e:
        print("re-raised", repr(e))  # expect: re-raised OSError('kept')


# Exceptions caught and handled entirely inside the generator leave no trace.
def quiet():
    for i in range(3):
        try:
            1 / (i - 1)
        except ZeroDivisionError:
            pass
        yield sys.exc_info()[0]


print(list(quiet()))  # expect: [None, None, None]

# The exception state of a generator is released when the generator finishes.
g = handler()
next(g)
g.close()
print(g.gi_frame, sys.exc_info())  # expect: None (None, None, None)
