"""Higher-order functions (the part of CPython's functools minipy needs).

    partial(func, *args, **keywords)    a callable with some arguments fixed
    update_wrapper(wrapper, wrapped)    copy __name__, __doc__ ... to wrapper
    wraps(wrapped)                      the same, as a decorator
    reduce(function, iterable[, initial])
"""

__all__ = ['partial', 'update_wrapper', 'wraps', 'reduce',
           'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the names in assigned, merge the
    dicts named in updated, and point wrapper.__wrapped__ at wrapped."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        target = getattr(wrapper, name, None)
        source = getattr(wrapped, name, None)
        if target is not None and source is not None:
            target.update(source)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    def decorate(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorate


class partial:
    """A new function with some positional and keyword arguments of func
    already given; later calls add theirs after them."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # A partial of a partial flattens into one, as in CPython.
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        name = type(self).__qualname__
        if type(self).__module__ == 'functools':
            name = 'functools.' + name
        return f"{name}({', '.join(parts)})"


_missing = object()


def reduce(function, sequence, initial=_missing):
    """Apply a two-argument function cumulatively to the items of a
    sequence, from left to right, reducing it to one value."""
    it = iter(sequence)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value
