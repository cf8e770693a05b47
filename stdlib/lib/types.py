"""Names for the built-in types that have no name in builtins (CPython's
types module, minus the ones minipy does not have yet: MappingProxyType,
GenericAlias, new_class, the coroutine decorator).

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

del sys, _f, _g, _c, _ag, _C

__all__ = [n for n in globals() if not n.startswith('_')]
