"""Values and arrays in shared memory (CPython's multiprocessing.sharedctypes,
without ctypes): Value(typecode, value) and Array(typecode, size or items)
live in a _multiprocessing.SharedBuffer, memory shared with the processes
forked after they were made, so a child's writes are seen by its parent.

Type codes are the array module's: 'b' 'B' 'h' 'H' 'i' 'I' 'l' 'L' 'q' 'Q'
(integers, wrapping around as C does), 'f' 'd' (floats), 'c' (one byte).
Value and Array come with a lock (get_lock(); `with v.get_lock():` makes
`v.value += 1` safe); RawValue and RawArray have none.
"""

import _multiprocessing

from . import synchronize

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

_CTYPES_NAMES = {
    'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
    'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong', 'Q': 'c_ulonglong',
    'f': 'c_float', 'd': 'c_double', 'c': 'c_char',
}


def _check_typecode(typecode):
    if not isinstance(typecode, str) or typecode not in _CTYPES_NAMES:
        raise TypeError("minipy's shared values take an array type code "
                        "(b B h H i I l L q Q f d c), not %r" % (typecode,))
    return typecode


class RawValue:
    """RawValue(typecode, value=0): one shared C value, without a lock."""

    def __init__(self, typecode, *args):
        self._typecode = _check_typecode(typecode)
        self._buf = _multiprocessing.SharedBuffer(_multiprocessing.itemsize(typecode))
        if args:
            self.value = args[0]

    @property
    def value(self):
        return self._buf.get(self._typecode, 0)

    @value.setter
    def value(self, v):
        self._buf.set(self._typecode, 0, v)

    def __repr__(self):
        return '%s(%r)' % (_CTYPES_NAMES[self._typecode], self.value)

    def __reduce__(self):
        raise RuntimeError("shared values should only be shared between processes "
                           "through inheritance")


class RawArray:
    """RawArray(typecode, size_or_initializer): a shared C array, without a lock."""

    def __init__(self, typecode, size_or_initializer):
        self._typecode = _check_typecode(typecode)
        if isinstance(size_or_initializer, int):
            size = size_or_initializer
            init = None
        else:
            init = list(size_or_initializer)
            size = len(init)
        self._length = size
        self._buf = _multiprocessing.SharedBuffer(size * _multiprocessing.itemsize(typecode))
        if init is not None:
            for i, v in enumerate(init):
                self._buf.set(typecode, i, v if typecode != 'c' or isinstance(v, bytes) else bytes([v]))

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._buf.get(self._typecode, k) for k in range(*i.indices(self._length))]
        return self._buf.get(self._typecode, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for k, x in zip(idx, v):
                self._buf.set(self._typecode, k, x)
            return
        self._buf.set(self._typecode, self._index(i), v)

    def __iter__(self):
        for k in range(self._length):
            yield self._buf.get(self._typecode, k)

    @property
    def value(self):
        # For 'c' arrays: the bytes up to the first NUL.
        data = self._buf.read(0, self._length)
        end = data.find(b'\0')
        return data if end < 0 else data[:end]

    @property
    def raw(self):
        return self._buf.read(0, len(self._buf))

    def __repr__(self):
        return '<%s_Array_%d object>' % (_CTYPES_NAMES[self._typecode], self._length)

    def __reduce__(self):
        raise RuntimeError("shared arrays should only be shared between processes "
                           "through inheritance")


class SynchronizedBase:
    """A shared object with a lock (an RLock unless another one is given)."""

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock is not None else synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError("Synchronized objects should only be shared between "
                           "processes through inheritance")

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        with self._lock:
            return iter(list(self._obj))


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw


def _lock_for(lock, ctx):
    if lock is True or lock is None:
        return synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value, with a lock unless lock is False."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock, ctx), ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array, with a lock unless lock is False."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    cls = SynchronizedString if typecode_or_type == 'c' else SynchronizedArray
    return cls(obj, _lock_for(lock, ctx), ctx)


def synchronized(obj, lock=None, ctx=None):
    if isinstance(obj, RawArray):
        cls = SynchronizedString if obj._typecode == 'c' else SynchronizedArray
        return cls(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)


def copy(obj):
    if isinstance(obj, RawArray):
        return RawArray(obj._typecode, list(obj))
    return RawValue(obj._typecode, obj.value)
