# g.throw(exc) raises exc at the paused yield: caught there, propagated out, or delegated by yield from.
import sys


# Caught: the generator handles it and yields again; throw() returns that value.
def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", repr(e))


g = resilient()
print(next(g))  # expect: ready
print(g.throw(ValueError("boom")))
# expect: handled ValueError('boom')
# expect: ready
print(g.throw(ValueError))  # a class is instantiated with no arguments
# expect: handled ValueError()
# expect: ready
print(g.throw(ValueError, "msg"))  # class and value: ValueError("msg")
# expect: handled ValueError('msg')
# expect: ready
print(g.throw(ValueError, ("a", 1)))  # a tuple value gives the arguments
# expect: handled ValueError('a', 1)
# expect: ready


class Special(ValueError):
    pass


print(g.throw(ValueError, Special("sub")))  # an instance of the class (or a subclass) is used as is
# expect: handled Special('sub')
# expect: ready
print(g.throw(Special, ValueError("wrapped")))  # otherwise the class is called with it
# expect: handled Special(ValueError('wrapped'))
# expect: ready
print(g.throw(ValueError, None, None))
# expect: handled ValueError()
# expect: ready

# The class is really called, so a custom __init__ runs; if calling it fails, that error is what
# is raised at the yield.
class CodedError(Exception):
    def __init__(self, msg, code=7):
        super().__init__(msg)
        self.code = code


def coded():
    while True:
        try:
            yield
        except CodedError as e:
            print("code", e.code, e.args)
        except TypeError as e:
            print("the generator got TypeError:", e)


c = coded()
next(c)
c.throw(CodedError, "m")  # expect: code 7 ('m',)
c.throw(CodedError, ("m", 9))  # expect: code 9 ('m',)
c.throw(CodedError)  # expect: the generator got TypeError: CodedError.__init__() missing 1 required positional argument: 'msg'
print(c.gi_suspended)  # expect: True
c.close()

# Propagated: not caught, it comes out of throw() and the generator is finished.
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", repr(e))  # expect: propagated KeyError('not handled')
print(g.gi_frame, next(g, "finished"))  # expect: None finished


# Throwing into a generator that has not started raises at once: its body never runs.
def never_runs():
    print("body")
    yield


g = never_runs()
try:
    g.throw(IndexError("early"))
except IndexError as e:
    print("early throw:", e)  # expect: early throw: early
print(next(g, "finished"))  # expect: finished

# Throwing into a finished generator just raises the exception.
try:
    g.throw(OSError, "late")
except OSError as e:
    print("late throw:", e)  # expect: late throw: late


# The generator can turn the thrown exception into a return value or another exception.
def converter():
    try:
        yield 1
    except ZeroDivisionError:
        return "converted to a return"


g = converter()
next(g)
try:
    g.throw(ZeroDivisionError)
except StopIteration as e:
    print(e.value)  # expect: converted to a return


def translator():
    try:
        yield
    except KeyError as e:
        raise LookupError("translated") from e


g = translator()
next(g)
try:
    g.throw(KeyError("k"))
except LookupError as e:
    print(repr(e), repr(e.__cause__))  # expect: LookupError('translated') KeyError('k')


# A thrown exception is chained to the one the generator was handling at that yield.
def handling():
    try:
        raise KeyError("being handled")
    except KeyError:
        yield "paused in except"


g = handling()
print(next(g))  # expect: paused in except
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print(repr(e.__context__))  # expect: KeyError('being handled')


# finally blocks run on the way out.
def with_finally():
    try:
        yield 1
    finally:
        print("finally ran")


g = with_finally()
next(g)
try:
    g.throw(RuntimeError("stop"))
except RuntimeError:
    print("caller caught it")
# expect: finally ran
# expect: caller caught it


# Delegated: yield from forwards throw() to the innermost generator.
def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except ValueError as e:
        print("inner handled", e)
        yield "inner recovered"
        return "inner result"
    finally:
        print("inner finally")


def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer after"


o = outer()
print(next(o))  # expect: inner 1
print(o.throw(ValueError("delegated")))
# expect: inner handled delegated
# expect: inner recovered
print(next(o))
# expect: inner finally
# expect: outer got inner result
# expect: outer after

# If the delegate does not handle it, it surfaces in the delegating generator at the yield from.
def outer_catches():
    try:
        yield from inner()
    except TypeError as e:
        print("outer handled", e)
        yield "outer recovered"


o = outer_catches()
next(o)
print(o.throw(TypeError("passes through inner")))
# expect: inner finally
# expect: outer handled passes through inner
# expect: outer recovered

# Three levels: the exception goes down to the bottom and each level may see it.
def level3():
    try:
        yield "bottom"
    except KeyError:
        print("level3 got KeyError, re-raising")
        raise


def level2():
    try:
        yield from level3()
    finally:
        print("level2 finally")


def level1():
    try:
        yield from level2()
    except KeyError as e:
        print("level1 handled", repr(e))
        return "level1 done"


g = level1()
print(next(g))  # expect: bottom
try:
    g.throw(KeyError, "deep")
except StopIteration as e:
    print(e.value)
# expect: level3 got KeyError, re-raising
# expect: level2 finally
# expect: level1 handled KeyError('deep')
# expect: level1 done


# A delegate that is not a generator gets throw() with the caller's arguments unchanged.
class Resource:
    def __iter__(self):
        return self

    def __next__(self):
        return "resource item"

    def throw(self, *args):
        print("Resource.throw got", [a if isinstance(a, type) else repr(a) for a in args])
        raise StopIteration("resource result")


def uses_resource():
    r = yield from Resource()
    yield "after resource: " + r


g = uses_resource()
print(next(g))  # expect: resource item
print(g.throw(KeyError))
# expect: Resource.throw got [<class 'KeyError'>]
# expect: after resource: resource result
g = uses_resource()
next(g)
print(g.throw(KeyError, "v"))
# expect: Resource.throw got [<class 'KeyError'>, "'v'"]
# expect: after resource: resource result


# A delegate without a throw() method: the exception is raised at the yield from.
def over_plain_iterator():
    try:
        yield from iter([1, 2, 3])
    except ValueError as e:
        yield "caught " + str(e)


g = over_plain_iterator()
print(next(g), g.throw(ValueError("here")))  # expect: 1 caught here

# Bad arguments are rejected before anything happens to the generator.
g = resilient()
next(g)
for args in [(1,), ("text",), (ValueError("x"), "value"), (ValueError, None, "not a traceback")]:
    try:
        g.throw(*args)
    except TypeError as e:
        print(e)
# expect: exceptions must be classes or instances deriving from BaseException, not int
# expect: exceptions must be classes or instances deriving from BaseException, not str
# expect: instance exception may not have a separate value
# expect: throw() third argument must be a traceback object
print(g.gi_suspended, next(g))  # expect: True ready

# A traceback object as third argument is accepted.
try:
    raise ValueError("with traceback")
except ValueError as e:
    tb = sys.exc_info()[2]
print(g.throw(ValueError, ValueError("tb given"), tb))
# expect: handled ValueError('tb given')
# expect: ready
