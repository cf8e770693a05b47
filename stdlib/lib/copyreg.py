"""Support for pickle (CPython's copyreg module).

object.__reduce_ex__ (vm/type.c) describes an instance as a call that
rebuilds it plus a state to restore; the callables it names are here:
__newobj__ and __newobj_ex__ (protocol 2 and up: cls.__new__(cls, ...)),
_reconstructor (protocols 0 and 1). _slotnames lists the __slots__ whose
values belong to the state. dispatch_table maps a type to a reduction
function that pickle uses instead of __reduce_ex__ (copyreg.pickle()).
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function(obj) -> reduce value for objects of ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Check that object can serve as a constructor (kept for compatibility)."""
    if not callable(object):
        raise TypeError("constructors must be callable")


def __newobj__(cls, *args):
    # Used by the NEWOBJ opcode's reduce value (protocol 2 and up).
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    # Same, with keyword arguments (NEWOBJ_EX, protocol 4 and up).
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    # Protocols 0 and 1: an instance of cls laid out as base, holding
    # base's value `state` (None when base is object).
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ is not object.__init__:
        base.__init__(obj, state)
    return obj


def _mangle(classname, name):
    # A private slot name "__x" in class "_C" is stored as "_C__x".
    if not name.startswith('__') or name.endswith('__'):
        return name
    owner = classname.lstrip('_')
    return '_' + owner + name if owner else name


def _slotnames(cls):
    """The names of the __slots__ of cls and its bases whose values are
    part of an instance's state (not __dict__ or __weakref__).

    The list is cached on the class as __slotnames__."""
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            declared = klass.__dict__["__slots__"]
            if isinstance(declared, str):
                declared = (declared,)
            for name in declared:
                if name not in ("__dict__", "__weakref__"):
                    names.append(_mangle(klass.__name__, name))
    try:
        cls.__slotnames__ = names
    except (TypeError, AttributeError):
        pass        # a built-in type: nothing to cache on
    return names


# The extension registry: small integer codes for well-known globals
# (opcodes EXT1, EXT2, EXT4). Nothing is registered by default.
_extension_registry = {}        # (module, name) -> code
_inverted_registry = {}         # code -> (module, name)
_extension_cache = {}           # code -> object


def add_extension(module, name, code):
    """Register an extension code for the global module.name."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code (for testing only)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
