"""OS routines for POSIX (CPython's os, on top of the native posix module).

This exports everything posix has (getpid, pipe, read, write, stat, ...)
plus environ, a mapping of the process environment whose assignments and
deletions call putenv()/unsetenv(); getenv(); fspath(); the path constants;
and os.path, which is posixpath.
"""

import sys
import abc

from posix import *
from posix import _exit
import posix as _posix

name = 'posix'
linesep = '\n'
curdir = '.'
pardir = '..'
sep = '/'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def fspath(path):
    """Return the file system path representation of the object: str and
    bytes pass through, other objects must have __fspath__()."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__, type(path_repr).__name__))


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8')
    return filename


def getcwdb():
    return getcwd().encode('utf-8')


# ---- The environment -------------------------------------------------------------

from collections.abc import MutableMapping as _MutableMapping


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


class _Environ(_MutableMapping):
    """os.environ: a dict of the environment that keeps the process
    environment in step (putenv on assignment, unsetenv on deletion)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[_check_str(key)]

    def __setitem__(self, key, value):
        _check_str(key)
        _check_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _check_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        formatted_items = ", ".join("{!r}: {!r}".format(key, value)
                                    for key, value in self._data.items())
        return "environ({%s})" % formatted_items

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(dict(_posix.environ))
del _posix.environ


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


# ---- Directories ---------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir: creates every missing directory on the way to name."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes name and then its parents, as long as they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class times_result(tuple):
    """The result of os.times(): user and system CPU time of this process
    and of its children (those waited for), and elapsed real time since a
    fixed point in the past, in seconds."""

    n_sequence_fields = n_fields = 5
    n_unnamed_fields = 0
    _fields = ('user', 'system', 'children_user', 'children_system', 'elapsed')

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 5:
            raise TypeError("os.times_result() takes a 5-sequence (%d-sequence given)" % len(values))
        return tuple.__new__(cls, values)

    user = property(lambda self: self[0], doc="user time")
    system = property(lambda self: self[1], doc="system time")
    children_user = property(lambda self: self[2], doc="user time of children")
    children_system = property(lambda self: self[3], doc="system time of children")
    elapsed = property(lambda self: self[4], doc="elapsed time since an arbitrary point in the past")

    def __repr__(self):
        return "posix.times_result(%s)" % ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self))

    def __reduce__(self):
        return (times_result, (tuple(self),))


def times():
    """Return a collection containing process timing information."""
    return times_result(_posix._times())


import posixpath as path
sys.modules['os.path'] = path
