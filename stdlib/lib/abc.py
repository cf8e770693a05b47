"""Abstract Base Classes (PEP 3119), a small version of CPython's abc.

ABCMeta records a class's abstract methods in __abstractmethods__ and
refuses to instantiate a class that still has some; register() makes a
class a virtual subclass, which isinstance() and issubclass() honour
through __instancecheck__ and __subclasscheck__, and __subclasshook__
lets an ABC recognise classes by their methods (collections.abc.Iterable
accepts anything with __iter__). CPython's caches and weak references are
left out: the registry is a plain list.
"""


def abstractmethod(funcobj):
    """Marks a method abstract: a class that does not override it cannot be
    instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def update_abstractmethods(cls):
    """Recomputes cls.__abstractmethods__ (after methods were added)."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for name in dir(cls):
        if _is_abstract(getattr(cls, name, None)):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set()
        for attr, value in namespace.items():
            if _is_abstract(value):
                abstracts.add(attr)
        for base in bases:
            for attr in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, attr, None)
                if _is_abstract(value):
                    abstracts.add(attr)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        if abstracts:
            # object.__new__ checks this (CPython's Py_TPFLAGS_IS_ABSTRACT).
            original_new = cls.__new__

            def __new__(klass, *args, **kw):
                missing = getattr(klass, "__abstractmethods__", ())
                if missing:
                    names = sorted(missing)
                    raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                                    % (klass.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
                if original_new is object.__new__:
                    return object.__new__(klass)
                return original_new(klass, *args, **kw)
            cls.__new__ = __new__
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass of an ABC. Returns the subclass, to
        allow usage as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = getattr(cls, '__subclasshook__', None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                return True
        for scls in type.__subclasses__(cls) if hasattr(type, '__subclasses__') else ():
            if issubclass(subclass, scls):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()


def get_cache_token():
    return 0
