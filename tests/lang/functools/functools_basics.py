# functools: wraps, partial, reduce, lru_cache, cache, cached_property,
# cmp_to_key, total_ordering.
import functools
from functools import wraps, partial, reduce, lru_cache, cached_property

def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k) + 1
    return wrapper

@deco
def add(a: int, b: int = 2) -> int:
    "Add two numbers."
    return a + b
print(add(1), add.__name__, add.__qualname__, add.__doc__, add.__wrapped__(1),
      add.__module__)

def base(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(base, 1, d=5)
print(p(2), p(2, 6), p(2, d=7), p.func is base, p.args, p.keywords)
pp = partial(p, 9)
print(pp(), pp.func is base, pp.args, pp.keywords)
print(repr(partial(len, "abc")).startswith("functools.partial(<built-in function len>, 'abc'"))
print(repr(partial(max, 1, key=abs)))
try:
    partial(3)
except TypeError as e:
    print("TypeError:", e)
class P(partial):
    pass
print(repr(P(max, 2))[:8], P(max, 2)(5))

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10),
      reduce(lambda a, b: a + b, ["x"]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)

calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls)
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)

@functools.cache
def ident(*a, **k):
    calls.append((a, k))
    return len(calls)
print(ident(1, x=2), ident(1, x=2), ident(1.0, x=2), ident.cache_info())

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)

@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sq([1])
except TypeError as e:
    print("TypeError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        "The area."
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, Circle.area.__doc__, "area" in c.__dict__)
del c.area
print(c.area)
cp = cached_property(lambda self: 1)
try:
    cp.__get__(c)
except TypeError as e:
    print("TypeError:", e)
try:
    class Two:
        a = cp
        b = cp
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e, repr(e.__cause__))

print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(1), V(2) > V(1), V(1) >= V(2))
@functools.total_ordering
class W:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __ge__(self, o):
        return self.v >= o.v
print(W(1) < W(2), W(1) > W(2), W(1) <= W(1), W(2) >= W(1), W(2) <= W(1))
try:
    @functools.total_ordering
    class N:
        pass
except ValueError as e:
    print("ValueError:", e)
# expect: 4 add add Add two numbers. 3 __main__
# expect: (1, 2, 3, 5) (1, 2, 6, 5) (1, 2, 3, 7) True (1,) {'d': 5}
# expect: (1, 9, 3, 5) True (1, 9) {'d': 5}
# expect: True
# expect: functools.partial(<built-in function max>, 1, key=<built-in function abs>)
# expect: TypeError: the first argument must be callable
# expect: P(<built 5
# expect: 120 10 x
# expect: TypeError: reduce() of empty iterable with no initial value
# expect: [1, 4, 1, 9, 4, 1] [1, 2, 3, 2, 1]
# expect: CacheInfo(hits=1, misses=5, maxsize=2, currsize=2) {'maxsize': 2, 'typed': False}
# expect: CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)
# expect: 1548008755920 CacheInfo(hits=58, misses=61, maxsize=128, currsize=61) fib fib
# expect: 6 6 6 CacheInfo(hits=2, misses=1, maxsize=None, currsize=1)
# expect: int float 2
# expect: 1 1 CacheInfo(hits=0, misses=2, maxsize=0, currsize=0)
# expect: TypeError: Expected first argument to be an integer, a callable, or None
# expect: TypeError: unhashable type: 'list'
# expect: computing
# expect: 12 12 The area. True
# expect: computing
# expect: 12
# expect: TypeError: Cannot use cached_property instance without calling __set_name__ on it.
# expect: RuntimeError Error calling __set_name__ on 'cached_property' instance 'b' in 'Two' TypeError("Cannot assign the same cached_property to two different names ('a' and 'b').")
# expect: [3, 2, 1]
# expect: True False True True True False
# expect: True False True True False
# expect: ValueError: must define at least one ordering operation: < > <= >=
