"""Names for the built-in types that have no name in builtins (CPython's
types module, minus the ones minipy does not have yet: MappingProxyType,
GenericAlias, new_class), and the coroutine decorator.

Each type is taken from an object of that type, as CPython does.
"""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()              # no "coroutine was never awaited" warning


async def _ag():
    yield


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
ModuleType = type(sys)
FrameType = type(sys._getframe())

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)

NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


class SimpleNamespace:
    """A simple attribute-based namespace.

SimpleNamespace(**kwargs)"""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        cls = type(self)
        name = "namespace" if cls is SimpleNamespace else cls.__name__
        ident = id(self)
        if ident in _repr_running:
            return f"{name}(...)"
        _repr_running.add(ident)
        try:
            items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(ident)
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


_repr_running = set()

_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


class _GeneratorWrapper:
    """What a types.coroutine-decorated function that is not a generator
    function returns when its result is a generator-like object: the same
    object, awaitable."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Make a generator function usable with `await` (a generator-based
    coroutine): its code gets the CO_ITERABLE_COROUTINE flag. Any other
    callable is wrapped so that a generator it returns is awaitable."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType and func.__code__.__class__ is CodeType:
        flags = func.__code__.co_flags
        if flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func             # already awaitable
        if flags & _CO_GENERATOR:
            func.__code__ = func.__code__.replace(co_flags=flags | _CO_ITERABLE_COROUTINE)
            return func

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if result.__class__ is CoroutineType:
            return result
        if result.__class__ is GeneratorType:
            if result.gi_code.co_flags & _CO_ITERABLE_COROUTINE:
                return result
            return _GeneratorWrapper(result)
        if (hasattr(result, '__next__') and hasattr(result, 'send') and hasattr(result, 'throw')
                and not hasattr(result, '__await__')):
            return _GeneratorWrapper(result)
        return result

    return wrapped

del sys, _f, _g, _c, _ag, _C

__all__ = [n for n in globals() if not n.startswith('_')]
