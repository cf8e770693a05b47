"""A small part of CPython's inspect: what kind of callable or object is it.

The function kinds are read from the code object's flags, which the
compiler sets as CPython's does (CO_GENERATOR, CO_COROUTINE ...).
"""

import functools

__all__ = ['CO_GENERATOR', 'CO_COROUTINE', 'CO_ITERABLE_COROUTINE',
           'CO_ASYNC_GENERATOR', 'isfunction', 'ismethod', 'isgenerator',
           'iscoroutine', 'isasyncgen', 'isawaitable', 'isgeneratorfunction',
           'iscoroutinefunction', 'isasyncgenfunction', 'isclass', 'unwrap',
           'isbuiltin', 'isroutine']

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _sample():
    pass


class _Sample:
    def method(self):
        pass


def _gen():
    yield


async def _coro():
    pass


_FunctionType = type(_sample)
_MethodType = type(_Sample().method)
_BuiltinType = type(len)
_GeneratorType = type(_gen())
_c = _coro()
_CoroutineType = type(_c)
_c.close()
del _c


def isclass(object):
    return isinstance(object, type)


def isfunction(object):
    """A function written in Python (def or lambda)."""
    return isinstance(object, _FunctionType)


def ismethod(object):
    """A function bound to an instance."""
    return isinstance(object, _MethodType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def unwrap(func):
    """Follow the __wrapped__ chain that functools.wraps leaves."""
    seen = {id(func)}
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError('wrapper loop when unwrapping %r' % (func,))
        seen.add(id(func))
    return func


def _has_code_flag(f, flag):
    # Look through bound methods and partials to the function underneath.
    while ismethod(f):
        f = f.__func__
    while isinstance(f, functools.partial):
        f = f.func
        while ismethod(f):
            f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isasyncgen(object):
    # Async generator objects have no type to compare with until the VM
    # makes them; their attributes tell them apart.
    return hasattr(object, 'ag_frame') and hasattr(object, 'asend')


def isawaitable(object):
    """A coroutine, a generator-based coroutine, or has __await__."""
    if iscoroutine(object):
        return True
    if isgenerator(object) and object.gi_code.co_flags & CO_ITERABLE_COROUTINE:
        return True
    return hasattr(type(object), '__await__')
