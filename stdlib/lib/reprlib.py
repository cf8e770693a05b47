"""Size-limited reprs, as CPython's reprlib.

    repr(obj)               the repr of obj, long parts elided with '...'
    Repr()                  the limits as attributes (maxstring, maxlist ...)
    recursive_repr(fill)    decorator: a __repr__ that meets itself again
                            (a list containing itself) returns fill

The limits and the elision rules are CPython's, so asyncio's reprs of
handles and futures read the same.
"""

import builtins
from _thread import get_ident

__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue='...'):
    """Decorator for __repr__ methods: while a call for one object is under
    way in a thread, a nested call for the same object returns fillvalue."""
    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = (id(self), get_ident())
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        wrapper.__module__ = getattr(user_function, '__module__', None)
        wrapper.__doc__ = getattr(user_function, '__doc__', None)
        wrapper.__name__ = getattr(user_function, '__name__', None)
        wrapper.__qualname__ = getattr(user_function, '__qualname__', None)
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


def _elide(s, limit, fill):
    # Keep the head and the tail of s, limit characters in all with fill.
    head = max(0, (limit - len(fill)) // 2)
    tail = max(0, limit - len(fill) - head)
    return s[:head] + fill + s[len(s) - tail:]


def _ordered(x):
    # Sorted when the items allow it, so set and dict reprs are stable.
    try:
        return sorted(x)
    except Exception:
        return list(x)


class Repr:
    """The limits of one repr style; repr(obj) applies them."""

    def __init__(self, *, maxlevel=6, maxtuple=6, maxlist=6, maxarray=5,
                 maxdict=4, maxset=6, maxfrozenset=6, maxdeque=6,
                 maxstring=30, maxlong=40, maxother=30, fillvalue='...'):
        self.fillvalue = fillvalue
        self.maxlevel = maxlevel
        self.maxtuple = maxtuple
        self.maxlist = maxlist
        self.maxarray = maxarray
        self.maxdict = maxdict
        self.maxset = maxset
        self.maxfrozenset = maxfrozenset
        self.maxdeque = maxdeque
        self.maxstring = maxstring
        self.maxlong = maxlong
        self.maxother = maxother

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        typename = '_'.join(type(x).__name__.split())
        method = getattr(self, 'repr_' + typename, None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _repr_items(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            body = self.fillvalue
        else:
            pieces = []
            for item in x:
                if len(pieces) >= maxiter:
                    break
                pieces.append(self.repr1(item, level - 1))
            if n > maxiter:
                pieces.append(self.fillvalue)
            body = ', '.join(pieces)
            if n == 1 and trail:
                right = trail + right
        return left + body + right

    def repr_tuple(self, x, level):
        return self._repr_items(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_items(x, level, '[', ']', self.maxlist)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_items(_ordered(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_items(_ordered(x), level, 'frozenset({', '})',
                                self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_items(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = []
        for key in _ordered(x):
            if len(pieces) >= self.maxdict:
                break
            pieces.append('%s: %s' % (self.repr1(key, level - 1),
                                      self.repr1(x[key], level - 1)))
        if n > self.maxdict:
            pieces.append(self.fillvalue)
        return '{%s}' % ', '.join(pieces)

    def repr_str(self, x, level):
        s = builtins.repr(x[:self.maxstring])
        if len(s) > self.maxstring:
            # Elide in the string itself, then in its repr, so escapes stay whole.
            head = max(0, (self.maxstring - 3) // 2)
            tail = max(0, self.maxstring - 3 - head)
            s = builtins.repr(x[:head] + x[len(x) - tail:])
            s = s[:head] + self.fillvalue + s[len(s) - tail:]
        return s

    def repr_int(self, x, level):
        s = builtins.repr(x)
        if len(s) > self.maxlong:
            s = _elide(s, self.maxlong, self.fillvalue)
        return s

    def repr_instance(self, x, level):
        try:
            s = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        if len(s) > self.maxother:
            s = _elide(s, self.maxother, self.fillvalue)
        return s


aRepr = Repr()
repr = aRepr.repr
