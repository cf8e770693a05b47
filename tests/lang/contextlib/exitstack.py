# ExitStack: enter_context, push, callback, pop_all, close, suppression and
# the exception context chain across callbacks.
import sys
from contextlib import ExitStack, contextmanager, suppress, nullcontext, closing

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

with ExitStack() as stack:
    print([stack.enter_context(CM(n)) for n in "abc"])
    stack.callback(print, "callback", 1, sep="-")
    stack.push(lambda *exc: print("push", exc[0]))
    print("body")

with ExitStack() as stack:
    stack.enter_context(CM("s", suppress=True))
    stack.enter_context(CM("t"))
    raise ValueError("suppressed by s")
print("after suppress")

# pop_all keeps the callbacks; close runs them.
with ExitStack() as stack:
    stack.callback(print, "kept")
    saved = stack.pop_all()
print("left the with")
saved.close()
saved.close()

# callback and push as decorators return their argument.
with ExitStack() as stack:
    @stack.callback
    def cb():
        print("decorated callback")
    @stack.push
    def ex(t, v, tb):
        print("decorated exit", t)
    print(cb.__name__, ex.__name__)

# Exceptions raised by callbacks: the context chain is as nested withs.
def raiser(exc):
    def f(*a):
        raise exc
    return f
try:
    with ExitStack() as stack:
        stack.push(raiser(KeyError("k1")))
        stack.push(raiser(IndexError("i2")))
        stack.push(lambda *a: None)
        raise ValueError("body")
except Exception as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__),
          e.__context__.__context__.__context__)

# Inside an except block: the handled exception ends the chain.
try:
    raise OSError("outer")
except OSError:
    try:
        with ExitStack() as stack:
            stack.push(raiser(KeyError("k")))
            raise ValueError("body")
    except KeyError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

# A callback suppressing an exception raised by an inner callback.
with ExitStack() as stack:
    stack.push(lambda *a: True)
    stack.push(raiser(ZeroDivisionError("z")))
print("suppressed callback error")

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError:", e)
class NoExit:
    def __enter__(self):
        pass
try:
    ExitStack().enter_context(NoExit())
except TypeError as e:
    print("TypeError:", e)

# suppress
with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed KeyError")
with suppress():
    pass
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)
with suppress(LookupError):
    raise KeyError

# nullcontext
with nullcontext() as x:
    print(x)
with nullcontext(5) as x:
    print(x)

# closing
class Res:
    def close(self):
        print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
try:
    with closing(Res()):
        raise ValueError
except ValueError:
    print("closed on error too")
# expect: enter a
# expect: enter b
# expect: enter c
# expect: ['a', 'b', 'c']
# expect: body
# expect: push None
# expect: callback-1
# expect: exit c None
# expect: exit b None
# expect: exit a None
# expect: enter s
# expect: enter t
# expect: exit t ValueError
# expect: exit s ValueError
# expect: after suppress
# expect: left the with
# expect: kept
# expect: cb ex
# expect: decorated exit None
# expect: decorated callback
# expect: KeyError('k1') IndexError('i2') ValueError('body') None
# expect: KeyError('k') ValueError('body') OSError('outer')
# expect: suppressed callback error
# expect: TypeError: 'builtins.int' object does not support the context manager protocol
# expect: TypeError: '__main__.NoExit' object does not support the context manager protocol
# expect: suppressed KeyError
# expect: not suppressed: list index out of range
# expect: None
# expect: 5
# expect: Res
# expect: closed
# expect: closed
# expect: closed on error too
