"""Serialize Python objects to bytes and back (CPython's pickle module).

The format is CPython's: a pickle is a little program for a stack machine,
one opcode byte each followed by its argument, ending with STOP. The
unpickler runs it: values are pushed, MARK remembers where a group of
items starts (TUPLE, LIST, APPENDS... collect everything above the mark),
REDUCE calls a callable with an argument tuple, BUILD restores an object's
state, and the memo (PUT/GET, MEMOIZE) lets an object that appears twice,
or inside itself, be written once and referred to after.

What gets written:
  - None, bools, ints (any size), floats, str, bytes, tuples, lists, dicts,
    sets and frozensets have opcodes of their own;
  - classes, functions and other globals are written as a reference,
    module name plus qualified name, and looked up again when loading
    (so a lambda or a nested function cannot be pickled);
  - every other object describes itself with __reduce_ex__(protocol): a
    callable and its arguments that rebuild it, and optionally a state
    (object.__reduce_ex__ gives cls.__new__(cls) and the instance's
    __dict__; __getstate__/__setstate__ customize the state; exceptions
    give their class and args).

Protocols 2 to 5 write CPython's opcodes of that protocol, so pickles
load in CPython too; floats are written in their repr form (FLOAT), not
as 8 binary bytes (BINFLOAT; both load). Protocols 0 and 1 are accepted
and written with the binary opcodes of protocol 1. The extension registry,
out-of-band buffers (protocol 5's PickleBuffer) and Python 2 names are
not supported.
"""

import sys
import copyreg
from copyreg import dispatch_table

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""
    pass


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method."""
    pass


class UnpicklingError(PickleError):
    """This exception is raised if there is a problem unpickling an object,
    such as a security violation."""
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# ---- Opcodes (the names and bytes of CPython's pickle format) -------------------------

MARK = b'('             # push a mark
STOP = b'.'             # end of the pickle: the top of the stack is the result
POP = b'0'              # discard the top of the stack
POP_MARK = b'1'         # discard everything down to the topmost mark
DUP = b'2'              # duplicate the top of the stack
FLOAT = b'F'            # a float as its repr, newline-terminated
INT = b'I'              # an int as decimal text, newline-terminated
BININT = b'J'           # a 4-byte signed int
BININT1 = b'K'          # a 1-byte unsigned int
LONG = b'L'             # an int as decimal text with an L
BININT2 = b'M'          # a 2-byte unsigned int
NONE = b'N'             # None
PERSID = b'P'           # a persistent id, as text
BINPERSID = b'Q'        # a persistent id, from the stack
REDUCE = b'R'           # callable(*args): args on top, callable below
STRING = b'S'           # a Python 2 string, quoted repr
BINSTRING = b'T'        # a Python 2 string, 4-byte length
SHORT_BINSTRING = b'U'  # a Python 2 string, 1-byte length
UNICODE = b'V'          # a str, raw-unicode-escaped text
BINUNICODE = b'X'       # a str, UTF-8 with a 4-byte length
APPEND = b'a'           # list.append(top)
BUILD = b'b'            # restore the state on top into the object below
GLOBAL = b'c'           # module and name as two text lines
DICT = b'd'             # a dict from the key/value pairs above the mark
EMPTY_DICT = b'}'
APPENDS = b'e'          # list.extend(the items above the mark)
GET = b'g'              # push memo[index given as text]
BINGET = b'h'           # push memo[1-byte index]
INST = b'i'             # build an instance of module.name from the items above the mark
LONG_BINGET = b'j'      # push memo[4-byte index]
LIST = b'l'             # a list of the items above the mark
EMPTY_LIST = b']'
OBJ = b'o'              # build an instance: class and arguments above the mark
PUT = b'p'              # memo[index given as text] = top
BINPUT = b'q'           # memo[1-byte index] = top
LONG_BINPUT = b'r'      # memo[4-byte index] = top
SETITEM = b's'          # dict[key] = value
TUPLE = b't'            # a tuple of the items above the mark
EMPTY_TUPLE = b')'
SETITEMS = b'u'         # dict.update(the key/value pairs above the mark)
BINFLOAT = b'G'         # a float as 8 bytes, big-endian IEEE 754

# Protocol 2
PROTO = b'\x80'         # the protocol number, 1 byte
NEWOBJ = b'\x81'        # cls.__new__(cls, *args)
EXT1 = b'\x82'          # extension registry codes
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'        # a tuple of the top item
TUPLE2 = b'\x86'        # a tuple of the top two items
TUPLE3 = b'\x87'        # a tuple of the top three items
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'         # an int as little-endian two's complement, 1-byte length
LONG4 = b'\x8b'         # the same, 4-byte length

# Protocol 3
BINBYTES = b'B'         # bytes, 4-byte length
SHORT_BINBYTES = b'C'   # bytes, 1-byte length

# Protocol 4
SHORT_BINUNICODE = b'\x8c'  # a str, UTF-8 with a 1-byte length
BINUNICODE8 = b'\x8d'       # a str, UTF-8 with an 8-byte length
BINBYTES8 = b'\x8e'         # bytes, 8-byte length
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'          # set.update(the items above the mark)
FROZENSET = b'\x91'         # a frozenset of the items above the mark
NEWOBJ_EX = b'\x92'         # cls.__new__(cls, *args, **kwargs)
STACK_GLOBAL = b'\x93'      # module and name from the stack
MEMOIZE = b'\x94'           # memo[len(memo)] = top
FRAME = b'\x95'             # the length of the next frame (8 bytes)

# Protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000       # items per APPENDS/SETITEMS/ADDITEMS


_BYTE = [bytes([i]) for i in range(256)]


def _u32(n):
    return n.to_bytes(4, 'little')


def _u64(n):
    return n.to_bytes(8, 'little')


def _encode_long(x):
    """The shortest little-endian two's complement bytes of x (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    data = x.to_bytes(nbytes, 'little', signed=True)
    # A negative number may fit one byte less (0xff sign byte not needed).
    if x < 0 and nbytes > 1 and data[-1] == 0xff and data[-2] & 0x80:
        data = data[:-1]
    return data


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _unpack_double(data):
    """A big-endian IEEE 754 double from 8 bytes (BINFLOAT)."""
    import math
    bits = int.from_bytes(data, 'big')
    sign = -1.0 if bits >> 63 else 1.0
    exponent = (bits >> 52) & 0x7ff
    mantissa = bits & ((1 << 52) - 1)
    if exponent == 0x7ff:
        return sign * float('inf') if mantissa == 0 else float('nan')
    if exponent == 0:
        return sign * math.ldexp(mantissa, -1074)
    return sign * math.ldexp(mantissa + (1 << 52), exponent - 1075)


# ---- Finding globals by name -----------------------------------------------------------

def _getattribute(obj, name):
    """Look up a dotted qualified name; returns (value, its parent).

    Raises AttributeError, also for names inside a function (<locals>)."""
    parent = None
    for part in name.split('.'):
        if part == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        parent = obj
        obj = getattr(obj, part)
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj can be found in under name."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module_name == '__mp_main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# ---- Writing ----------------------------------------------------------------------------------

class _Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)

    Writes pickles of objects to a binary file (anything with a write()
    method taking bytes). protocol defaults to DEFAULT_PROTOCOL; a negative
    protocol means HIGHEST_PROTOCOL."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._file = file
        if file is not None:
            try:
                self._file_write = file.write
            except AttributeError:
                raise TypeError("file must have a 'write' attribute")
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports
        # id(obj) -> (memo index, obj): the object is kept alive so its id
        # is not reused while pickling.
        self.memo = {}
        self._out = []
        # A subclass with its own persistent_id() is asked about every object.
        self._custom_pid = type(self).persistent_id is not _Pickler.persistent_id

    def clear_memo(self):
        """Forget what was pickled: the next dump() writes everything again."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickled representation of obj to the file."""
        if not hasattr(self, "_out"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (self.__class__.__name__,))
        out = self._out = []
        self.write = out.append
        if self.proto >= 2:
            out.append(PROTO + bytes([self.proto]))
        self.save(obj)
        out.append(STOP)
        data = b''.join(out)
        self._out = []
        if self._file is not None:
            self._file_write(data)
        return data

    def persistent_id(self, obj):
        # Subclasses return a non-None id to write obj by reference.
        return None

    # -- the memo

    def memoize(self, obj):
        """Remember obj as the next memo entry (written after obj itself)."""
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self._put(idx))
        self.memo[id(obj)] = (idx, obj)

    def _put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if idx < 256:
            return BINPUT + bytes([idx])
        return LONG_BINPUT + _u32(idx)

    def _get(self, idx):
        if idx < 256:
            return BINGET + bytes([idx])
        return LONG_BINGET + _u32(idx)

    # -- dispatch

    def save(self, obj, save_persistent_id=True):
        t = type(obj)
        # The atoms first: never memoized (the common case of big lists).
        if t is int:
            if 0 <= obj < 256 and not self._custom_pid:
                self.write(BININT1 + _BYTE[obj])
                return
        elif t is type(None) and not self._custom_pid:
            self.write(NONE)
            return
        if self._custom_pid and save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save(pid, save_persistent_id=False)
                self.write(BINPERSID)
                return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self._get(x[0]))
            return
        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        table = getattr(self, 'dispatch_table', dispatch_table)
        reduce = table.get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            reduce = getattr(obj, "__reduce_ex__", None)
            if reduce is not None:
                rv = reduce(self.proto)
            else:
                reduce = getattr(obj, "__reduce__", None)
                if reduce is None:
                    raise PicklingError("Can't pickle %r object: %r" % (t.__name__, obj))
                rv = reduce()
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return string or tuple" % reduce)
        if not 2 <= len(rv) <= 6:
            raise PicklingError("Tuple returned by %s must have two to six elements" % reduce)
        self.save_reduce(*rv, obj=obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("args from save_reduce() must be a tuple")
        if not callable(func):
            raise PicklingError("func from save_reduce() must be callable")
        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                save(copyreg.__newobj_ex__)
                save((cls, args, kwargs))
                write(REDUCE)
        elif self.proto >= 2 and func_name == "__newobj__":
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            x = self.memo.get(id(obj))
            if x is not None:
                # obj was pickled while pickling its own arguments: use
                # that one (as CPython does).
                write(POP + self._get(x[0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- atoms

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(INT + (b'01\n' if obj else b'00\n'))

    def save_long(self, obj):
        if 0 <= obj < 256:
            self.write(BININT1 + _BYTE[obj])
        elif 0 <= obj < 65536:
            self.write(BININT2 + obj.to_bytes(2, 'little'))
        elif -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + obj.to_bytes(4, 'little', signed=True))
        elif self.proto >= 2:
            data = _encode_long(obj)
            n = len(data)
            if n < 256:
                self.write(LONG1 + bytes([n]) + data)
            else:
                self.write(LONG4 + n.to_bytes(4, 'little', signed=True) + data)
        else:
            self.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def save_float(self, obj):
        self.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    def save_bytes(self, obj):
        n = len(obj)
        if n < 256:
            self.write(SHORT_BINBYTES + bytes([n]) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self.write(BINBYTES8 + _u64(n) + obj)
        else:
            self.write(BINBYTES + _u32(n) + obj)
        self.memoize(obj)

    def save_str(self, obj):
        data = obj.encode('utf-8', 'surrogatepass')
        n = len(data)
        if n < 256 and self.proto >= 4:
            self.write(SHORT_BINUNICODE + bytes([n]) + data)
        elif n > 0xffffffff and self.proto >= 4:
            self.write(BINUNICODE8 + _u64(n) + data)
        else:
            self.write(BINUNICODE + _u32(n) + data)
        self.memoize(obj)

    # -- containers

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for item in obj:
                save(item)
            x = memo.get(id(obj))
            if x is not None:
                # The tuple contains itself (through a list or dict): the
                # copy made inside is the one to use.
                self.write(POP * n + self._get(x[0]))
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        self.write(MARK)
        for item in obj:
            save(item)
        x = memo.get(id(obj))
        if x is not None:
            self.write(POP_MARK + self._get(x[0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        self.write(EMPTY_LIST)
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not isinstance(items, list):
            items = list(items)
        n = len(items)
        for start in range(0, n, _BATCHSIZE):
            batch = items[start:start + _BATCHSIZE]
            if len(batch) == 1:
                save(batch[0])
                write(APPEND)
            else:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)

    def save_dict(self, obj):
        self.write(EMPTY_DICT)
        self.memoize(obj)
        self._batch_setitems(obj.items())

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        items = list(items)
        n = len(items)
        for start in range(0, n, _BATCHSIZE):
            batch = items[start:start + _BATCHSIZE]
            if len(batch) == 1:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)
            else:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for start in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for x in items[start:start + _BATCHSIZE]:
                self.save(x)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for x in obj:
            self.save(x)
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(POP_MARK + self._get(x[0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    # -- globals: written by name

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        module_name = whichmodule(obj, name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
            obj2, parent = _getattribute(module, name)
        except ImportError:
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        except (AttributeError, KeyError):
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, name.rpartition('.')[2]))
        else:
            write(GLOBAL + module_name.encode('utf-8') + b'\n' + name.encode('utf-8') + b'\n')
        self.memoize(obj)

    def save_method(self, obj):
        # A bound method: its object and the method's name (as CPython's
        # method.__reduce__).
        if isinstance(obj.__self__, type(sys)):
            return self.save_global(obj)
        self.save_reduce(getattr, (obj.__self__, obj.__name__), obj=obj)

    def save_type(self, obj):
        # The types of the singletons are not importable by name.
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    _dispatch = {}


_Pickler._dispatch = {
    type(None): _Pickler.save_none,
    bool: _Pickler.save_bool,
    int: _Pickler.save_long,
    float: _Pickler.save_float,
    bytes: _Pickler.save_bytes,
    str: _Pickler.save_str,
    tuple: _Pickler.save_tuple,
    list: _Pickler.save_list,
    dict: _Pickler.save_dict,
    set: _Pickler.save_set,
    frozenset: _Pickler.save_frozenset,
    type: _Pickler.save_type,
    type(_getattribute): _Pickler.save_global,
    type(len): _Pickler.save_global,
}


# ---- Reading ------------------------------------------------------------------------------------

class _BytesInput:
    """read(n)/readline() over a bytes object (loads())."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n):
        pos = self.pos
        self.pos = pos + n
        return self.data[pos:pos + n]

    def read_exact(self, n):
        pos = self.pos
        end = pos + n
        data = self.data[pos:end]
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        self.pos = end
        return data

    def readline(self):
        data = self.data
        end = data.find(b'\n', self.pos)
        end = len(data) if end < 0 else end + 1
        line = data[self.pos:end]
        self.pos = end
        return line


class _Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())

    Reads a pickle from a binary file (with read() and readline()) and
    rebuilds the object. encoding and errors decode Python 2 strings."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        self._file_read = file.read
        self._file_readline = file.readline
        if isinstance(file, _BytesInput):
            self.read = file.read_exact
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Read a pickled object from the file and return it."""
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (self.__class__.__name__,))
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        read = self._file_read
        dispatch = self._dispatch
        first = True
        try:
            while True:
                key = read(1)
                if not key:
                    if first:
                        raise EOFError("Ran out of input")
                    raise UnpicklingError("pickle data was truncated")
                first = False
                op = dispatch.get(key[0])
                if op is None:
                    raise UnpicklingError("invalid load key, %r." % chr(key[0]))
                op(self)
        except _Stop as stop:
            return stop.value

    def read(self, n):
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        line = self._file_readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def pop_mark(self):
        items = self.stack
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, "
                              "but no persistent_load function was specified.")

    def find_class(self, module, name):
        """Return the object module.name (importing module)."""
        if self.proto < 3 and self.fix_imports:
            module = _PY2_MODULES.get(module, module)
        if module == "_codecs" and name == "encode":
            # How protocols 0 to 2 write bytes: _codecs.encode(text, 'latin1').
            return _codecs_encode
        __import__(module, level=0)
        mod = sys.modules[module]
        try:
            if self.proto >= 4:
                return _getattribute(mod, name)[0]
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None

    def _pop(self):
        stack = self.stack
        if not stack:
            raise UnpicklingError("unpickling stack underflow")
        return stack.pop()

    def _top(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack[-1]

    # -- opcodes

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        # Frames only group opcodes for buffering: read straight through.
        self.read(8)

    def load_persid(self):
        try:
            pid = self.readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self._pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            val = int(data.decode('ascii'))
        self.append(val)

    def load_binint(self):
        self.append(int.from_bytes(self.read(4), 'little', signed=True))

    def load_binint1(self):
        self.append(self.read(1)[0])

    def load_binint2(self):
        self.append(int.from_bytes(self.read(2), 'little'))

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == ord('L'):
            val = val[:-1]
        self.append(int(val.decode('ascii')))

    def load_long1(self):
        n = self.read(1)[0]
        self.append(_decode_long(self.read(n)))

    def load_long4(self):
        n = int.from_bytes(self.read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(_decode_long(self.read(n)))

    def load_float(self):
        self.append(float(self.readline()[:-1].decode('ascii')))

    def load_binfloat(self):
        self.append(_unpack_double(self.read(8)))

    def _decode_string(self, value):
        # Python 2 str: bytes when encoding is "bytes", else decoded.
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape(data)))

    def load_binstring(self):
        n = int.from_bytes(self.read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.read(n)))

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))

    def load_binbytes(self):
        n = int.from_bytes(self.read(4), 'little')
        self.append(self.read(n))

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))

    def load_binbytes8(self):
        n = int.from_bytes(self.read(8), 'little')
        self.append(self.read(n))

    def load_bytearray8(self):
        n = int.from_bytes(self.read(8), 'little')
        self.append(self.read(n))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers")
        self.append(buf)

    def load_readonly_buffer(self):
        pass

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self.readline()[:-1]))

    def load_binunicode(self):
        n = int.from_bytes(self.read(4), 'little')
        self.append(self.read(n).decode('utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n = int.from_bytes(self.read(8), 'little')
        self.append(self.read(n).decode('utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(self.read(n).decode('utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1] = (self._top(),)

    def load_tuple2(self):
        if len(self.stack) < 2:
            raise UnpicklingError("unpickling stack underflow")
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        if len(self.stack) < 3:
            raise UnpicklingError("unpickling stack underflow")
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {}
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
        self.append(d)

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__"):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" % (klass.__name__, str(err)))
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self.readline()[:-1].decode("ascii")
        name = self.readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ expected an arg tuple.")
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def _load_ext(self, code):
        key = copyreg._inverted_registry.get(code)
        if key is None:
            raise ValueError("unregistered extension code %d" % code)
        obj = copyreg._extension_cache.get(code)
        if obj is None:
            obj = self.find_class(*key)
            copyreg._extension_cache[code] = obj
        self.append(obj)

    def load_ext1(self):
        self._load_ext(self.read(1)[0])

    def load_ext2(self):
        self._load_ext(int.from_bytes(self.read(2), 'little'))

    def load_ext4(self):
        self._load_ext(int.from_bytes(self.read(4), 'little', signed=True))

    def load_reduce(self):
        args = self._pop()
        func = self._top()
        self.stack[-1] = func(*args)

    def load_pop(self):
        if self.stack:
            self.stack.pop()
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self._top())

    def _memo_get(self, idx):
        try:
            self.append(self.memo[idx])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    def load_get(self):
        self._memo_get(int(self.readline()[:-1].decode('ascii')))

    def load_binget(self):
        self._memo_get(self.read(1)[0])

    def load_long_binget(self):
        self._memo_get(int.from_bytes(self.read(4), 'little'))

    def load_put(self):
        idx = int(self.readline()[:-1].decode('ascii'))
        if idx < 0:
            raise ValueError("negative PUT argument")
        self.memo[idx] = self._top()

    def load_binput(self):
        self.memo[self.read(1)[0]] = self._top()

    def load_long_binput(self):
        idx = int.from_bytes(self.read(4), 'little', signed=True)
        if idx < 0:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[idx] = self._top()

    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    def load_append(self):
        value = self._pop()
        self._top().append(value)

    def load_appends(self):
        items = self.pop_mark()
        target = self._top()
        if isinstance(target, list):
            target.extend(items)
        else:
            append = target.append
            for item in items:
                append(item)

    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    def load_setitems(self):
        items = self.pop_mark()
        target = self._top()
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        target = self._top()
        if isinstance(target, set):
            target.update(items)
        else:
            add = target.add
            for item in items:
                add(item)

    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[sys.intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        raise _Stop(self._pop())

    _dispatch = {}


# Python 2 module names that CPython maps when reading protocols 0 to 2.
_PY2_MODULES = {"__builtin__": "builtins", "copy_reg": "copyreg", "exceptions": "builtins"}


def _codecs_encode(obj, encoding="utf-8", errors="strict"):
    return obj.encode(encoding, errors)


def _unescape(data):
    # The body of a quoted Python 2 string repr: backslash escapes.
    if b'\\' not in data:
        return data
    out = []
    i = 0
    n = len(data)
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92,
              ord("'"): 39, ord('"'): 34, ord('0'): 0}
    while i < n:
        c = data[i]
        if c == 92 and i + 1 < n:
            e = data[i + 1]
            if e == ord('x') and i + 3 < n:
                out.append(int(data[i + 2:i + 4].decode('ascii'), 16))
                i += 4
                continue
            if e in simple:
                out.append(simple[e])
                i += 2
                continue
        out.append(c)
        i += 1
    return bytes(out)


def _raw_unicode_unescape(data):
    # raw-unicode-escape: latin-1 text where \uXXXX and \UXXXXXXXX are code points.
    text = data.decode('latin-1')
    if '\\u' not in text and '\\U' not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == '\\' and i + 1 < n and text[i + 1] in 'uU':
            width = 4 if text[i + 1] == 'u' else 8
            out.append(chr(int(text[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


_Pickler._dispatch[type(_BytesInput(b'').read)] = _Pickler.save_method
_Pickler._dispatch[type(_BytesInput.read)] = _Pickler.save_global

_Unpickler._dispatch = {op[0]: fn for op, fn in [
    (PROTO, _Unpickler.load_proto), (FRAME, _Unpickler.load_frame),
    (PERSID, _Unpickler.load_persid), (BINPERSID, _Unpickler.load_binpersid),
    (NONE, _Unpickler.load_none), (NEWFALSE, _Unpickler.load_false),
    (NEWTRUE, _Unpickler.load_true), (INT, _Unpickler.load_int),
    (BININT, _Unpickler.load_binint), (BININT1, _Unpickler.load_binint1),
    (BININT2, _Unpickler.load_binint2), (LONG, _Unpickler.load_long),
    (LONG1, _Unpickler.load_long1), (LONG4, _Unpickler.load_long4),
    (FLOAT, _Unpickler.load_float), (BINFLOAT, _Unpickler.load_binfloat),
    (STRING, _Unpickler.load_string), (BINSTRING, _Unpickler.load_binstring),
    (SHORT_BINSTRING, _Unpickler.load_short_binstring),
    (BINBYTES, _Unpickler.load_binbytes), (SHORT_BINBYTES, _Unpickler.load_short_binbytes),
    (BINBYTES8, _Unpickler.load_binbytes8), (BYTEARRAY8, _Unpickler.load_bytearray8),
    (NEXT_BUFFER, _Unpickler.load_next_buffer), (READONLY_BUFFER, _Unpickler.load_readonly_buffer),
    (UNICODE, _Unpickler.load_unicode), (BINUNICODE, _Unpickler.load_binunicode),
    (BINUNICODE8, _Unpickler.load_binunicode8), (SHORT_BINUNICODE, _Unpickler.load_short_binunicode),
    (TUPLE, _Unpickler.load_tuple), (EMPTY_TUPLE, _Unpickler.load_empty_tuple),
    (TUPLE1, _Unpickler.load_tuple1), (TUPLE2, _Unpickler.load_tuple2),
    (TUPLE3, _Unpickler.load_tuple3), (EMPTY_LIST, _Unpickler.load_empty_list),
    (EMPTY_DICT, _Unpickler.load_empty_dictionary), (EMPTY_SET, _Unpickler.load_empty_set),
    (FROZENSET, _Unpickler.load_frozenset), (LIST, _Unpickler.load_list),
    (DICT, _Unpickler.load_dict), (INST, _Unpickler.load_inst), (OBJ, _Unpickler.load_obj),
    (NEWOBJ, _Unpickler.load_newobj), (NEWOBJ_EX, _Unpickler.load_newobj_ex),
    (GLOBAL, _Unpickler.load_global), (STACK_GLOBAL, _Unpickler.load_stack_global),
    (EXT1, _Unpickler.load_ext1), (EXT2, _Unpickler.load_ext2), (EXT4, _Unpickler.load_ext4),
    (REDUCE, _Unpickler.load_reduce), (POP, _Unpickler.load_pop),
    (POP_MARK, _Unpickler.load_pop_mark), (DUP, _Unpickler.load_dup),
    (GET, _Unpickler.load_get), (BINGET, _Unpickler.load_binget),
    (LONG_BINGET, _Unpickler.load_long_binget), (PUT, _Unpickler.load_put),
    (BINPUT, _Unpickler.load_binput), (LONG_BINPUT, _Unpickler.load_long_binput),
    (MEMOIZE, _Unpickler.load_memoize), (APPEND, _Unpickler.load_append),
    (APPENDS, _Unpickler.load_appends), (SETITEM, _Unpickler.load_setitem),
    (SETITEMS, _Unpickler.load_setitems), (ADDITEMS, _Unpickler.load_additems),
    (BUILD, _Unpickler.load_build), (MARK, _Unpickler.load_mark),
    (STOP, _Unpickler.load_stop),
]}


# ---- The functions ----------------------------------------------------------------------------------

def _dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    _Pickler(file, protocol, fix_imports=fix_imports,
             buffer_callback=buffer_callback).dump(obj)


def _dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _Pickler(None, protocol, fix_imports=fix_imports,
                    buffer_callback=buffer_callback).dump(obj)


def _load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return _Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                      encoding=encoding, errors=errors).load()


def _loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if not isinstance(data, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    return _Unpickler(_BytesInput(data), fix_imports=fix_imports, buffers=buffers,
                      encoding=encoding, errors=errors).load()


Pickler, Unpickler = _Pickler, _Unpickler
dump, dumps, load, loads = _dump, _dumps, _load, _loads
