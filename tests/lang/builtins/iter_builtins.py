# enumerate, zip, map, filter, reversed: laziness, arguments, subclassing, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(list(enumerate("abc")), list(enumerate([], 5)), list(enumerate("ab", -1)))  # expect: [(0, 'a'), (1, 'b'), (2, 'c')] [] [(-1, 'a'), (0, 'b')]
print(list(enumerate(iterable="xy", start=3)), list(enumerate("ab", start=True)))  # expect: [(3, 'x'), (4, 'y')] [(1, 'a'), (2, 'b')]
print(list(enumerate("ab", 2 ** 64)), list(enumerate("ab", -(2 ** 70))))  # expect: [(18446744073709551616, 'a'), (18446744073709551617, 'b')] [(-1180591620717411303424, 'a'), (-1180591620717411303423, 'b')]
print(list(enumerate("abc", 9223372036854775806)))  # expect: [(9223372036854775806, 'a'), (9223372036854775807, 'b'), (9223372036854775808, 'c')]
e = enumerate("xyz")
print(iter(e) is e, next(e), next(e), list(e), list(e), type(e).__name__)  # expect: True (0, 'x') (1, 'y') [(2, 'z')] [] enumerate
pairs = []
for i, c in enumerate("hello"):
    pairs.append(i * 10 + len(c))
print(pairs)  # expect: [1, 11, 21, 31, 41]
kept = [p for p in enumerate("ab")]
print(kept, kept[0] is kept[1])  # expect: [(0, 'a'), (1, 'b')] False
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2], (True, False, None))))  # expect: [] [('a',), ('b',)] [('a', 1, True), ('b', 2, False)]
print(list(zip("ab", "cd", strict=True)), list(zip(strict=True)), list(zip("a", "b", strict=False)))  # expect: [('a', 'c'), ('b', 'd')] [] [('a', 'b')]
print(dict(zip("abc", range(3))), list(zip(*[(1, 2), (3, 4)])))  # expect: {'a': 0, 'b': 1, 'c': 2} [(1, 3), (2, 4)]
z = zip(iter([1, 2, 3]), "ab")
print(next(z), next(z), next(z, "end"), type(z).__name__)  # expect: (1, 'a') (2, 'b') end zip
t(lambda: list(zip([1, 2], [3], strict=True)))  # expect: ValueError: zip() argument 2 is shorter than argument 1
t(lambda: list(zip([1], [3, 4], strict=True)))  # expect: ValueError: zip() argument 2 is longer than argument 1
t(lambda: list(zip([1, 2], [3, 4], [5], strict=True)))  # expect: ValueError: zip() argument 3 is shorter than arguments 1-2
t(lambda: list(zip([1, 2], [3, 4], [5, 6, 7], strict=True)))  # expect: ValueError: zip() argument 3 is longer than arguments 1-2
t(lambda: list(zip([1], [2], [3], strict=True)))  # expect: [(1, 2, 3)]
t(lambda: zip(1))  # expect: TypeError: 'int' object is not iterable
t(lambda: zip([1], bogus=True))  # expect: TypeError: 'bogus' is an invalid keyword argument for zip()
print(list(map(abs, [-1, 2, -3])), list(map(lambda x, y: x + y, "ab", "cde")), list(map(pow, [2, 3], [5, 2], [7])))  # expect: [1, 2, 3] ['ac', 'bd'] [4]
m = map(str.upper, ["a", "b"])
print(next(m), list(m), type(m).__name__)  # expect: A ['B'] map
t(lambda: map())  # expect: TypeError: map() must have at least two arguments.
t(lambda: map(len))  # expect: TypeError: map() must have at least two arguments.
t(lambda: map(len, 5))  # expect: TypeError: 'int' object is not iterable
t(lambda: map(len, [], x=1))  # expect: TypeError: map() takes no keyword arguments
t(lambda: list(map(len, [1])))  # expect: TypeError: object of type 'int' has no len()
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(bool, [0, 2])), list(filter(lambda c: c in "aeiou", "education")))  # expect: [1, 'x', [0]] [2] ['e', 'u', 'a', 'i', 'o']
f = filter(lambda x: x % 2, range(10))
print(next(f), list(f), type(f).__name__)  # expect: 1 [3, 5, 7, 9] filter
t(lambda: filter())  # expect: TypeError: filter expected 2 arguments, got 0
t(lambda: filter(None))  # expect: TypeError: filter expected 2 arguments, got 1
t(lambda: filter(None, 1))  # expect: TypeError: 'int' object is not iterable
t(lambda: filter(None, [], x=1))  # expect: TypeError: filter() takes no keyword arguments
t(lambda: list(filter(len, [1])))  # expect: TypeError: object of type 'int' has no len()
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))), list(reversed(b"ab")))  # expect: [3, 2, 1] [2, 1] ['c', 'b', 'a'] [3, 2, 1, 0] [98, 97]
print(list(reversed([])), list(reversed({"a": 1, "b": 2})))  # expect: [] ['b', 'a']
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 100
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__(), list(r))  # expect: reversed 3 200 2 [100, 0] 0 []
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))  # expect: ['c', 'u', 's', 't', 'o', 'm']
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
class NoLen:
    def __getitem__(self, i):
        return i
t(lambda: reversed(NoRev()))  # expect: TypeError: 'NoRev' object is not reversible
t(lambda: reversed(NoLen()))  # expect: TypeError: object of type 'NoLen' has no len()
t(lambda: reversed(5))  # expect: TypeError: 'int' object is not reversible
t(lambda: reversed({1, 2}))  # expect: TypeError: 'set' object is not reversible
t(lambda: reversed())  # expect: TypeError: reversed expected 1 argument, got 0
t(lambda: reversed([], []))  # expect: TypeError: reversed expected 1 argument, got 2
t(lambda: reversed([], x=1))  # expect: TypeError: reversed() takes no keyword arguments
t(lambda: enumerate())  # expect: TypeError: enumerate() missing required argument 'iterable'
t(lambda: enumerate(1))  # expect: TypeError: 'int' object is not iterable
t(lambda: enumerate([], "a"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: enumerate([], 1, 2))  # expect: TypeError: enumerate() takes at most 2 arguments (3 given)
t(lambda: enumerate([], x=1))  # expect: TypeError: 'x' is an invalid keyword argument for enumerate()
t(lambda: enumerate(start=1))  # expect: TypeError: 'start' is an invalid keyword argument for enumerate()
class Counted(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return (i, v.upper())
print(list(Counted("ab", 1)), isinstance(Counted("a"), enumerate))  # expect: [(1, 'A'), (2, 'B')] True
class Pairs(zip):
    pass
print(list(Pairs("ab", "cd")), type(Pairs()).__name__)  # expect: [('a', 'c'), ('b', 'd')] Pairs
def gen():
    yield 1
    yield 2
print(list(enumerate(gen())), list(zip(gen(), gen())), list(map(str, gen())), list(reversed(list(gen()))))  # expect: [(0, 1), (1, 2)] [(1, 1), (2, 2)] ['1', '2'] [2, 1]
t(lambda: enumerate(start=1, x=2))  # expect: TypeError: 'x' is an invalid keyword argument for enumerate()
t(lambda: enumerate(x=2, start=1))  # expect: TypeError: 'x' is an invalid keyword argument for enumerate()
t(lambda: enumerate([], x=2, start=1))  # expect: TypeError: enumerate() takes at most 2 arguments (3 given)
t(lambda: list(enumerate(start=1, iterable="ab")))  # expect: [(1, 'a'), (2, 'b')]
t(lambda: enumerate([], iterable=[2]))  # expect: TypeError: 'iterable' is an invalid keyword argument for enumerate()
