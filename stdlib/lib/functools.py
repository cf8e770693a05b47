"""Higher-order functions (CPython's functools, the parts minipy has so far).

wraps/update_wrapper copy a function's identity onto its wrapper; partial
freezes some arguments; reduce folds an iterable; lru_cache and cache
memoize, keeping recently used results in a dict whose insertion order is
the recency order; cached_property computes an attribute once and stores it
in the instance's __dict__, where later lookups find it before the
descriptor; cmp_to_key and total_ordering adapt old-style comparisons.
"""

from collections import namedtuple
from _thread import RLock

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes, merge
    the updated ones, and point __wrapped__ at the original."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---- reduce -------------------------------------------------------------------------

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value."""
    items = iter(sequence)
    if initial is _initial_missing:
        try:
            acc = next(items)
        except StopIteration:
            raise TypeError(
                "reduce() of empty iterable with no initial value") from None
    else:
        acc = initial
    for item in items:
        acc = function(acc, item)
    return acc


# ---- partial ------------------------------------------------------------------------

class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    __slots__ = ('func', 'args', 'keywords', '__dict__')

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # A partial of a partial holds the innermost function, once.
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        name = cls.__qualname__
        if cls.__module__ == "functools":
            name = "functools." + name
        return f"{name}({', '.join(parts)})"

    def __reduce__(self):
        return (type(self), (self.func,), (self.func, self.args,
                self.keywords or None, self.__dict__ or None))


# ---- lru_cache ----------------------------------------------------------------------

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _HashedSeq(list):
    """A key list that hashes once."""

    __slots__ = ('hashvalue',)

    def __init__(self, tup):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


_kwd_mark = (object(),)


def _make_key(args, kwds, typed):
    """The cache key of a call: the positional arguments, a marker and the
    keyword items, and with typed the argument types too."""
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    With maxsize None the cache grows without bound. With typed true,
    arguments of different types are cached separately. The wrapper has
    cache_info(), cache_clear() and cache_parameters().
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without arguments.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The results live in a dict: a hit moves its key to the end, so the
    # first key is always the least recently used one.
    results = {}
    counts = [0, 0]             # hits, misses
    lock = RLock()              # the bookkeeping, not the user call
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            counts[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = results.get(key, missing)
            if result is not missing:
                counts[0] += 1
                return result
            counts[1] += 1
            result = user_function(*args, **kwds)
            results[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            with lock:
                result = results.pop(key, missing)
                if result is not missing:
                    results[key] = result
                    counts[0] += 1
                    return result
                counts[1] += 1
            result = user_function(*args, **kwds)
            with lock:
                if key not in results:
                    if len(results) >= maxsize:
                        del results[next(iter(results))]
                    results[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        with lock:
            return _CacheInfo(counts[0], counts[1], maxsize, len(results))

    def cache_clear():
        """Clear the cache and cache statistics"""
        with lock:
            results.clear()
            counts[0] = counts[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- cached_property ----------------------------------------------------------------

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.lock = RLock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {name!r} property."
            ) from None
        value = store.get(name, _NOT_FOUND)
        if value is _NOT_FOUND:
            with self.lock:
                # Another thread may have stored it while we waited.
                value = store.get(name, _NOT_FOUND)
                if value is _NOT_FOUND:
                    value = self.func(instance)
                    try:
                        store[name] = value
                    except TypeError:
                        raise TypeError(
                            f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                            f"does not support item assignment for caching {name!r} property."
                        ) from None
        return value


# ---- comparisons --------------------------------------------------------------------

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def _derived(op, root, how):
    # a OP b computed from a ROOT b (r below) and equality.
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if how == 'not':                # e.g. a >= b is not (a < b)
            return not r
        if how == 'or_eq':              # e.g. a <= b is (a < b) or a == b
            return r or self == other
        if how == 'and_ne':             # e.g. a < b is (a <= b) and a != b
            return r and self != other
        if how == 'not_and_ne':         # e.g. a > b is not (a < b) and a != b
            return not r and self != other
        return not r or self == other   # 'not_or_eq': a >= b from <=
    method.__name__ = op
    return method


# For each root, how the other three are derived from it.
_ordering_rules = {
    '__lt__': [('__gt__', 'not_and_ne'), ('__le__', 'or_eq'), ('__ge__', 'not')],
    '__le__': [('__ge__', 'not_or_eq'), ('__lt__', 'and_ne'), ('__gt__', 'not')],
    '__gt__': [('__lt__', 'not_and_ne'), ('__ge__', 'or_eq'), ('__le__', 'not')],
    '__ge__': [('__le__', 'not_or_eq'), ('__gt__', 'and_ne'), ('__lt__', 'not')],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _ordering_rules
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
    for op, how in _ordering_rules[root]:
        if op not in roots:
            setattr(cls, op, _derived(op, root, how))
    return cls
