# Generators in every builtin that takes an iterable, in unpacking, and with `in`.


def gen(*items):
    for x in items:
        yield x


# Builtins that consume an iterable.
print(list(gen(1, 2)), tuple(gen(1, 2)), set(gen(1, 1, 2)), frozenset(gen(3)))
# expect: [1, 2] (1, 2) {1, 2} frozenset({3})
print(dict(gen(("a", 1), ("b", 2))), dict.fromkeys(gen("x", "y")))  # expect: {'a': 1, 'b': 2} {'x': None, 'y': None}
print(sum(gen(1, 2, 3)), sum(gen(0.5, 0.25), 1), min(gen(4, 2, 8)), max(gen(4, 2, 8)))  # expect: 6 1.75 2 8
print(min(gen(), default="empty"), max(gen("bb", "a", "ccc"), key=len))  # expect: empty ccc
print(any(gen(0, "", 3)), all(gen(1, 0)), any(gen()), all(gen()))  # expect: True False False True
print(sorted(gen(3, 1, 2)), sorted(gen("b", "A", "c"), key=str.lower, reverse=True))  # expect: [1, 2, 3] ['c', 'b', 'A']
print(list(enumerate(gen("a", "b"), 1)), list(zip(gen(1, 2, 3), gen("x", "y"))))  # expect: [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')]
print(list(map(str, gen(1, 2))), list(map(pow, gen(2, 3), gen(3, 2))), list(filter(None, gen(0, 1, "", "s"))))
# expect: ['1', '2'] [8, 9] [1, 's']
print(bytes(gen(104, 105)), "-".join(gen("a", "b", "c")), str(tuple(gen())))  # expect: b'hi' a-b-c ()
it = iter(gen(7, 8))
print(next(it), next(it), next(it, "done"))  # expect: 7 8 done
print(list(iter(gen(1, 2))))  # expect: [1, 2]
try:
    reversed(gen(1))
except TypeError as e:
    print(e)  # expect: 'generator' object is not reversible
try:
    len(gen(1))
except TypeError as e:
    print(e)  # expect: object of type 'generator' has no len()
try:
    gen(1)[0]
except TypeError as e:
    print(e)  # expect: 'generator' object is not subscriptable

# Methods that take an iterable.
l = [0]
l.extend(gen(1, 2))
l += gen(3)
print(l)  # expect: [0, 1, 2, 3]
d = {}
d.update(gen(("k", "v")))
s = {1}
s.update(gen(2, 3))
print(d, s, s.union(gen(9)), s.issuperset(gen(1, 2)), {1, 2}.isdisjoint(gen(3)))  # expect: {'k': 'v'} {1, 2, 3} {1, 2, 3, 9} True True
print(", ".join(gen("x", "y")), tuple(x for x in gen()), list(l.__iter__()) == l)  # expect: x, y () True

# Unpacking.
a, b, c = gen(1, 2, 3)
print(a, b, c)  # expect: 1 2 3
first, *rest = gen("f", "r", "s")
*init, last = gen(1, 2, 3)
print(first, rest, init, last)  # expect: f ['r', 's'] [1, 2] 3
(p, q), r = gen((1, 2), 3)
print(p, q, r)  # expect: 1 2 3
try:
    a, b = gen(1, 2, 3)
except ValueError as e:
    print(e)  # expect: too many values to unpack (expected 2)
try:
    a, b, c = gen(1)
except ValueError as e:
    print(e)  # expect: not enough values to unpack (expected 3, got 1)
print([*gen(1, 2), *gen(3)], (*gen("t"),), {*gen(5, 5)}, {**dict(gen(("k", 0)))})  # expect: [1, 2, 3] ('t',) {5} {'k': 0}


def f(*args):
    return args


print(f(*gen(1, 2)), f(0, *gen(), *gen(9)))  # expect: (1, 2) (0, 9)
for i, (x, y) in enumerate(gen((1, 2), (3, 4))):
    print(i, x + y)
# expect: 0 3
# expect: 1 7

# `in` consumes the generator up to the first match.
g = gen(1, 2, 3, 4)
print(2 in g, list(g))  # expect: True [3, 4]
g = gen(1, 2)
print(5 in g, list(g))  # expect: False []
print(3 not in gen(1, 2), "b" in (c for c in "abc"))  # expect: True True

# Comprehensions over generators.
print([x * 2 for x in gen(1, 2)], {x: x for x in gen("k")}, {x for x in gen(1, 1)})  # expect: [2, 4] {'k': 'k'} {1}

# A half-consumed generator continues where it stopped.
g = gen(1, 2, 3, 4, 5)
print(next(g), list(zip(g, "ab")), list(g))  # zip pulled 2, 3 and then 4 (dropped)  # expect: 1 [(2, 'a'), (3, 'b')] [5]
