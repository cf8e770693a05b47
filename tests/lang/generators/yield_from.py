# yield from: delegating next/send to a sub-generator or any iterable, and its value.


# Return values through three levels: each `yield from` evaluates to the delegate's return value.
def bottom():
    got = yield "bottom yields"
    print("bottom received", got)
    return 1


def middle():
    r = yield from bottom()
    print("middle got", r)
    return r + 10


def top():
    r = yield from middle()
    print("top got", r)
    return r + 100


t = top()
print(next(t))  # expect: bottom yields
try:
    t.send("hello")  # send() goes straight down to bottom
except StopIteration as e:
    print("top returned", e.value)
# expect: bottom received hello
# expect: middle got 1
# expect: top got 11
# expect: top returned 111


# The values yielded by the delegate pass through unchanged, then the delegating generator continues.
def letters():
    yield "a"
    yield "b"
    return "letters done"


def numbers():
    yield 1
    yield 2


def combined():
    result = yield from letters()
    yield result
    yield from numbers()
    yield from []  # an empty delegate yields nothing, evaluates to None
    yield (yield from numbers())


print(list(combined()))  # expect: ['a', 'b', 'letters done', 1, 2, 1, 2, None]

# Any iterable can be delegated to.
def everything():
    yield from [1, 2]
    yield from (3, 4)
    yield from "ab"
    yield from range(5, 7)
    yield from {"k": 1}
    yield from (x * 10 for x in range(2))
    yield from iter([None])


print(list(everything()))  # expect: [1, 2, 3, 4, 'a', 'b', 5, 6, 'k', 0, 10, None]
try:
    list((lambda: (yield from 5))())
except TypeError as e:
    print(e)  # expect: 'int' object is not iterable


# A user iterator class works with yield from and with for.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


def launch():
    yield from Countdown(3)
    yield "liftoff"


print(list(launch()))  # expect: [3, 2, 1, 'liftoff']
for n in Countdown(2):
    print("for got", n)
# expect: for got 2
# expect: for got 1
print(sum(Countdown(4)), list(Countdown(0)), 3 in Countdown(5))  # expect: 10 [] True


# An iterable class whose __iter__ is itself a generator.
class Deck:
    def __init__(self, *cards):
        self.cards = cards

    def __iter__(self):
        for c in self.cards:
            yield c.upper()


def deal():
    yield from Deck("a", "k")
    yield from Deck("q")


print(list(deal()), list(Deck("x", "y")), sorted(Deck("b", "a")))  # expect: ['A', 'K', 'Q'] ['X', 'Y'] ['A', 'B']


# An iterator class that returns a value through StopIteration(value), and accepts send().
class Accumulate:
    def __init__(self, limit):
        self.total = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if value is not None:
            self.total += value
        if self.total >= self.limit:
            raise StopIteration(self.total)
        return "total so far %d" % self.total


def accumulate_then_report():
    final = yield from Accumulate(10)
    yield "final " + str(final)


a = accumulate_then_report()
print(next(a))  # expect: total so far 0
print(a.send(4), "|", a.send(5), "|", a.send(7))  # expect: total so far 4 | total so far 9 | final 16


# A delegate without send(): next() works, send(non-None) raises AttributeError.
def over_countdown():
    yield from Countdown(3)


g = over_countdown()
print(next(g), g.send(None))  # expect: 3 2
try:
    g.send("x")
except AttributeError as e:
    print(e)  # expect: 'Countdown' object has no attribute 'send'


# gi_yieldfrom shows the delegate while paused in a yield from.
def show():
    yield "own"
    yield from bottom()


s = show()
print(s.gi_yieldfrom)  # expect: None
next(s)
print(s.gi_yieldfrom)  # expect: None
next(s)
print(s.gi_yieldfrom.__name__, s.gi_yieldfrom.gi_yieldfrom)  # expect: bottom None
t = top()
next(t)
print(t.gi_yieldfrom.__name__, t.gi_yieldfrom.gi_yieldfrom.__name__)  # expect: middle bottom
lst = (lambda: (yield from [1, 2]))()
next(lst)
print(type(lst.gi_yieldfrom).__name__)  # expect: list_iterator
list(t)
# expect: bottom received None
# expect: middle got 1
# expect: top got 11
print(t.gi_yieldfrom)  # expect: None


# A delegate that raises: the exception propagates through the delegating generator.
def raiser():
    yield 1
    raise ValueError("from the delegate")


def catcher():
    try:
        yield from raiser()
    except ValueError as e:
        yield "caught: " + str(e)


print(list(catcher()))  # expect: [1, 'caught: from the delegate']


# A StopIteration from a delegate iterator ends the yield from (it is the iterator protocol);
# the delegate's value is the yield from's value.
class StopsWithValue:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("the value")


def gets_value():
    v = yield from StopsWithValue()
    yield v


print(list(gets_value()))  # expect: ['the value']


# Recursive generators with yield from: a tree walk.
def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)


tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
for line in walk(tree):
    print(line)
# expect: root
# expect:   a
# expect:     a1
# expect:     a2
# expect:   b


def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))  # expect: [1, 2, 3, 4, 5, 6]
