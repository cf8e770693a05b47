# A function containing `yield` returns a generator object; its body runs only on next().


def count_up(limit):
    print("body starts")
    n = 1
    while n <= limit:
        yield n
        n += 1
    print("body ends")


g = count_up(3)
print(type(g).__name__)  # expect: generator
print(type(g) is type((lambda: (yield))()))  # expect: True
print(repr(g).startswith("<generator object count_up at 0x"), repr(g).endswith(">"))  # expect: True True
print("created, nothing printed yet")  # expect: created, nothing printed yet
print(next(g))
# expect: body starts
# expect: 1
print(g.__next__())  # expect: 2
print(iter(g) is g, g.__iter__() is g)  # expect: True True
for v in g:
    print("for", v)
# expect: for 3
# expect: body ends
print(list(g), next(g, "exhausted"))  # expect: [] exhausted
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)  # expect: StopIteration () None

# A method's generator shows its qualified name.
class Tree:
    def __init__(self, *kids):
        self.kids = kids

    def walk(self, depth=0):
        yield depth
        for k in self.kids:
            yield from k.walk(depth + 1)


t = Tree(Tree(), Tree(Tree()))
w = t.walk()
print(repr(w).split(" ")[:3], w.__name__, w.__qualname__)  # expect: ['<generator', 'object', 'Tree.walk'] walk Tree.walk
print(list(w))  # expect: [0, 1, 1, 2]


def nested():
    def inner():
        yield 1
    return inner()


print(nested().__qualname__)  # expect: nested.<locals>.inner

# Each call makes an independent generator with its own frame.
a, b = count_up(2), count_up(2)
print(next(a))
# expect: body starts
# expect: 1
print(next(a))  # expect: 2
print(next(b))
# expect: body starts
# expect: 1

# return v ends the generator with StopIteration(v).
def with_return():
    yield "first"
    return "the result"


g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)  # expect: the result ('the result',)


def returns_tuple():
    return (1, 2)
    yield


try:
    next(returns_tuple())
except StopIteration as e:
    print(e.value, e.args)  # expect: (1, 2) ((1, 2),)


def returns_none():
    yield 1
    return None


print(list(returns_none()))  # expect: [1]

# A `for` loop, list() and sum() swallow the StopIteration and drop the value.
print(list(with_return()), [v for v in with_return()])  # expect: ['first'] ['first']


# PEP 479: StopIteration raised inside the body becomes RuntimeError.
def leaks_stop():
    yield 1
    raise StopIteration("inner")


g = leaks_stop()
print(next(g))  # expect: 1
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)  # expect: RuntimeError generator raised StopIteration
    print(repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)  # expect: StopIteration('inner') True True
print(g.gi_frame)  # expect: None


def next_on_empty():
    it = iter([])
    yield next(it)  # the classic PEP 479 trap


try:
    list(next_on_empty())
except RuntimeError as e:
    print(e)  # expect: generator raised StopIteration


# StopIteration caught inside the body is fine.
def catches_stop():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"


print(list(catches_stop()))  # expect: ['caught inside']

# An exception in the body propagates to the caller and finishes the generator.
def fails():
    yield 1
    raise KeyError("bad")


g = fails()
next(g)
try:
    next(g)
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'bad'
print(next(g, "finished"))  # expect: finished

# Arguments, defaults, *args and **kwargs are bound when the generator is created.
def params(a, b=2, *rest, key=None, **kw):
    yield a, b, rest, key, kw


print(next(params(1)))  # expect: (1, 2, (), None, {})
print(next(params(1, 3, 4, 5, key="k", z=0)))  # expect: (1, 3, (4, 5), 'k', {'z': 0})
try:
    params()
except TypeError as e:
    print(e)  # expect: params() missing 1 required positional argument: 'a'

# Closures: a generator sees later changes to the variables it closes over.
def closure_demo():
    x = "before"
    def gen():
        yield x
        yield x
    g = gen()
    first = next(g)
    x = "after"
    return first, next(g)


print(closure_demo())  # expect: ('before', 'after')
