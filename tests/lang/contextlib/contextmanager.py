# contextmanager: enter/exit, exceptions thrown in at the yield, suppression,
# the RuntimeErrors, decorator use.
from contextlib import contextmanager, ContextDecorator, AbstractContextManager

@contextmanager
def tag(name):
    """Tag doc."""
    print("<%s>" % name)
    try:
        yield name.upper()
    except KeyError as e:
        print("swallowed", repr(e))
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("body", t)
with tag("b"):
    raise KeyError("k")
print("after b")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", repr(e), e.__traceback__.tb_next is None)

print(tag.__name__, tag.__doc__, tag("x").__doc__)
print(isinstance(tag("x"), AbstractContextManager))

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e, e.__cause__, e.__suppress_context__)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def yield_after_throw():
    try:
        yield
    except ValueError:
        yield
try:
    with yield_after_throw():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def converts():
    try:
        yield
    except ValueError as e:
        raise TypeError("converted") from e
try:
    with converts():
        raise ValueError("orig")
except TypeError as e:
    print("TypeError:", e, repr(e.__cause__))

# StopIteration raised in the body is not swallowed.
@contextmanager
def plain():
    yield
try:
    with plain():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration:", e)

# RuntimeError passes through unchanged.
try:
    with plain():
        raise RuntimeError("rt")
except RuntimeError as e:
    print("RuntimeError:", e)

# __exit__ with a class and no instance.
cm = plain()
cm.__enter__()
print(cm.__exit__(ZeroDivisionError, None, None))

# Decorator use: a new generator per call.
@tag("deco")
def work(x):
    print("working", x)
    return x * 2
print(work(3), work(4))

class mycm(ContextDecorator):
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0])
        return False
@mycm()
def f(a, b=2):
    "f doc"
    return a + b
print(f(1), f.__name__, f.__doc__, f.__wrapped__.__name__)
# expect: <a>
# expect: body A
# expect: </a>
# expect: <b>
# expect: swallowed KeyError('k')
# expect: </b>
# expect: after b
# expect: <c>
# expect: </c>
# expect: propagated ValueError('v') True
# expect: tag Tag doc. Tag doc.
# expect: True
# expect: RuntimeError: generator didn't yield None True
# expect: RuntimeError: generator didn't stop
# expect: RuntimeError: generator didn't stop after throw()
# expect: TypeError: converted ValueError('orig')
# expect: StopIteration: stop
# expect: RuntimeError: rt
# expect: False
# expect: <deco>
# expect: working 3
# expect: </deco>
# expect: <deco>
# expect: working 4
# expect: </deco>
# expect: 6 8
# expect: enter
# expect: exit None
# expect: 3 f f doc f
