# g.close() raises GeneratorExit at the paused yield, runs finally blocks, and finishes the generator.


# Cleanup order of nested finally blocks: innermost first.
def nested():
    try:
        print("enter outer")
        try:
            print("enter middle")
            try:
                print("enter inner")
                yield "deep inside"
            finally:
                print("inner finally")
        finally:
            print("middle finally")
    finally:
        print("outer finally")


g = nested()
print(next(g))
# expect: enter outer
# expect: enter middle
# expect: enter inner
# expect: deep inside
print(g.close())
# expect: inner finally
# expect: middle finally
# expect: outer finally
# expect: None
print(g.gi_frame, g.gi_suspended, g.gi_running)  # expect: None False False
print(g.close())  # closing again does nothing  # expect: None
print(next(g, "finished"))  # expect: finished


# with blocks are exited too, in the same order.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


def with_blocks():
    with Noisy("A"):
        with Noisy("B"):
            yield 1


g = with_blocks()
next(g)
# expect: enter A
# expect: enter B
g.close()
# expect: exit B GeneratorExit
# expect: exit A GeneratorExit


# The generator sees GeneratorExit; catching it to clean up is fine.
def sees_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = sees_exit()
next(g)
g.close()  # expect: got GeneratorExit


# Returning on GeneratorExit is fine too (close() still returns None in 3.11).
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


g = returns_on_exit()
next(g)
print(g.close())  # expect: None


# Closing an unstarted generator just marks it finished: the body never runs, finally does not run.
def unstarted():
    try:
        print("never printed")
        yield
    finally:
        print("never printed either")


g = unstarted()
g.close()
print(g.gi_frame, next(g, "finished"))  # expect: None finished

# A finished generator closes quietly.
g = nested()
for _ in g:
    pass
# expect: enter outer
# expect: enter middle
# expect: enter inner
# expect: inner finally
# expect: middle finally
# expect: outer finally
print(g.close())  # expect: None


# Yielding again after GeneratorExit is an error; the generator stays paused at the new yield.
def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("refusing to stop")


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
# expect: refusing to stop
# expect: RuntimeError generator ignored GeneratorExit
print(g.gi_suspended, next(g))  # expect: True still here
try:
    g.throw(KeyError("really stop"))  # not caught: this one ends it
except KeyError:
    print("stopped for real", g.gi_frame)  # expect: stopped for real None


def yields_in_finally():
    try:
        yield 1
    finally:
        yield "from finally"


g = yields_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)  # expect: generator ignored GeneratorExit
# Resumed, the finally block ends and re-raises the GeneratorExit it was running for.
try:
    next(g)
except GeneratorExit:
    print("GeneratorExit out of next()", g.gi_frame)  # expect: GeneratorExit out of next() None


# Another exception raised while closing propagates out of close().
def fails_on_close():
    try:
        yield
    finally:
        raise ValueError("cleanup failed")


g = fails_on_close()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", repr(e), type(e.__context__).__name__)  # expect: close raised ValueError('cleanup failed') GeneratorExit


# StopIteration during close is swallowed (the generator just finished).
def catches_and_returns():
    try:
        yield
    except GeneratorExit:
        pass


g = catches_and_returns()
next(g)
print(g.close())  # expect: None


# close() is delegated through yield from: the innermost generator is closed first.
def inner():
    try:
        yield "inner"
    finally:
        print("inner closed")


def middle():
    try:
        yield from inner()
    finally:
        print("middle closed")


def outer():
    try:
        yield from middle()
    finally:
        print("outer closed")


g = outer()
print(next(g))  # expect: inner
g.close()
# expect: inner closed
# expect: middle closed
# expect: outer closed


# A delegate that is not a generator has its close() method called, if it has one.
class Closable:
    def __iter__(self):
        return self

    def __next__(self):
        return "item"

    def close(self):
        print("Closable.close called")


def over_closable():
    try:
        yield from Closable()
    finally:
        print("over_closable finally")


g = over_closable()
next(g)
g.close()
# expect: Closable.close called
# expect: over_closable finally


# If the delegate's close() fails, that exception is raised at the yield from.
class BadClose:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def close(self):
        raise OSError("close failed")


def over_bad():
    try:
        yield from BadClose()
    except OSError as e:
        print("delegating generator saw", repr(e))
        raise


g = over_bad()
next(g)
try:
    g.close()
except OSError as e:
    print("close() raised", e)
# expect: delegating generator saw OSError('close failed')
# expect: close() raised close failed


# throw(GeneratorExit) also closes the delegate first.
g = outer()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit came back out")
# expect: inner closed
# expect: middle closed
# expect: outer closed
# expect: GeneratorExit came back out
