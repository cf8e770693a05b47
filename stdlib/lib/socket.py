"""Low-level networking (CPython's socket module, on top of _socket).

socket subclasses _socket.socket, adding accept() (which wraps the new
descriptor in a socket), the context manager and CPython 3.11's repr;
family and type read back as AddressFamily and SocketKind members.

minipy has no enum module, so AddressFamily and SocketKind are small int
subclasses here: their members compare, hash and format as the ints they
are (str() and %s give the number, as 3.11's IntEnum), and repr() gives
<AddressFamily.AF_INET: 2> as CPython does; the classes are not iterable
and have no __members__.
"""

import _socket
from _socket import *

import os
import sys

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socketpair",
           "socket", "SocketType", "error", "timeout", "gaierror", "herror"]

error = OSError
timeout = TimeoutError
EBADF = 9
EAGAIN = 11
EWOULDBLOCK = 11


class _IntConst(int):
    """A named int constant: repr <Class.NAME: value>, str the number."""

    def __repr__(self):
        return "<%s.%s: %d>" % (type(self).__name__, self._name_, int(self))

    __str__ = int.__repr__

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __reduce__(self):
        return int, (int(self),)


class AddressFamily(_IntConst):
    pass


class SocketKind(_IntConst):
    pass


def _make_constants(cls, prefix):
    table = {}
    for name, value in list(_socket.__dict__.items()):
        if name.startswith(prefix) and isinstance(value, int):
            if value in table:
                continue
            member = cls(value)
            member._name_ = name
            table[value] = member
            globals()[name] = member
    return table


_families = _make_constants(AddressFamily, "AF_")
_kinds = _make_constants(SocketKind, "SOCK_")


def _intenum_converter(value, table):
    return table.get(value, value)


class socket(_socket.socket):
    """A subclass of _socket.socket adding accept(), the context manager
    and CPython's repr."""

    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" \
            % (self.__class__.__module__,
               self.__class__.__qualname__,
               " [closed]" if closed else "",
               self.fileno(),
               self.family,
               self.type,
               self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        s += '>'
        return s

    def __getstate__(self):
        raise TypeError("cannot pickle {!r} object".format(self.__class__.__name__))

    def dup(self):
        """Duplicate the socket: a new socket object on a new descriptor."""
        fd = os.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)

        Wait for an incoming connection. Return a new socket representing
        the connection, and the address of the client."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        # A listening socket with a timeout hands out blocking sockets
        # unless a default timeout is set, as CPython.
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Close the socket object without closing the descriptor; return it."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """Read-only access to the address family for this socket."""
        return _intenum_converter(super().family, _families)

    @property
    def type(self):
        """Read-only access to the socket type."""
        return _intenum_converter(super().type, _kinds)


SocketType = _socket.socket


def fromfd(fd, family, type, proto=0):
    """Create a socket object from a duplicate of the given file descriptor."""
    nfd = os.dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """socketpair([family[, type[, proto]]]) -> (socket object, socket object)

    Create a pair of connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """Connect to address (host, port), trying each address getaddrinfo()
    gives, and return the connected socket."""
    host, port = address
    err = None
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            err = None
            return sock
        except error as exc:
            err = exc
            if sock is not None:
                sock.close()
    if err is not None:
        try:
            raise err
        finally:
            err = None
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """Create a TCP socket bound to address and listening."""
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getfqdn(name=''):
    name = name.strip()
    if not name or name == '0.0.0.0':
        name = gethostname()
    return name


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve host and port into a list of 5-tuples
    (family, type, proto, canonname, sockaddr)."""
    addrlist = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, _families),
                         _intenum_converter(socktype, _kinds),
                         proto, canonname, sa))
    return addrlist
