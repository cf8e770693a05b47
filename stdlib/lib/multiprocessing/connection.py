"""Connections between processes (CPython's multiprocessing.connection):
Pipe() and the Connection objects at its two ends, and wait().

A Connection sends and receives whole messages over file descriptors:
each message is a 4-byte big-endian length followed by the bytes (a
length of -1 announces an 8-byte length, for messages over 2 GiB), as
CPython frames them. send()/recv() pickle objects into such messages.
Pipe(duplex=True) is made of two OS pipes, one per direction, so each end
reads from one and writes to the other.

Reading and writing release the GIL (os.read/os.write), so a thread
blocked in recv() does not stop the others. Listener and Client (sockets
with authentication) are not provided.
"""

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

import os
import sys
import time
import select

from . import util

_ForkingPickler = None


def _pickle():
    global _ForkingPickler
    if _ForkingPickler is None:
        import pickle
        _ForkingPickler = pickle
    return _ForkingPickler


class Connection:
    """Connection(handle, readable=True, writable=True)

    One end of a pipe: handle is a file descriptor (or a pair of them,
    (read fd, write fd), for a duplex end)."""

    def __init__(self, handle, readable=True, writable=True):
        if isinstance(handle, tuple):
            rfd, wfd = handle
        else:
            handle = handle.__index__()
            if handle < 0:
                raise ValueError("invalid handle")
            rfd = wfd = handle
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._rfd = rfd if readable else None
        self._wfd = wfd if writable else None
        self._readable = readable
        self._writable = writable
        self._closed = False

    def __del__(self):
        if not self._closed:
            self._close()

    def _close(self):
        fds = {fd for fd in (self._rfd, self._wfd) if fd is not None}
        self._closed = True
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """Whether close() was called."""
        return self._closed

    @property
    def readable(self):
        """Whether this end can receive."""
        return self._readable

    @property
    def writable(self):
        """Whether this end can send."""
        return self._writable

    def fileno(self):
        """The file descriptor to wait on (the one this end reads from)."""
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def close(self):
        """Close this end (its file descriptors)."""
        if not self._closed:
            self._close()

    # -- raw I/O

    def _send(self, buf):
        fd = self._wfd
        while buf:
            n = os.write(fd, buf)
            buf = buf[n:]

    def _recv(self, size):
        fd = self._rfd
        chunks = []
        remaining = size
        while remaining > 0:
            chunk = os.read(fd, remaining)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= n
        return b''.join(chunks)

    def _send_bytes(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            header = (-1).to_bytes(4, 'big', signed=True) + n.to_bytes(8, 'big')
        else:
            header = n.to_bytes(4, 'big', signed=True)
        if n > 16384:
            # Avoid copying a large buffer just to prepend the header.
            self._send(header)
            self._send(buf)
        else:
            self._send(header + buf)

    def _recv_bytes(self, maxsize=None):
        size = int.from_bytes(self._recv(4), 'big', signed=True)
        if size == -1:
            size = int.from_bytes(self._recv(8), 'big')
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def _poll(self, timeout):
        p = select.poll()
        p.register(self._rfd, select.POLLIN)
        ms = None if timeout is None else max(0, int(timeout * 1000 + 0.999))
        return bool(p.poll(ms))

    # -- the API

    def send_bytes(self, buf, offset=0, size=None):
        """Send buf[offset:offset + size] as one message."""
        self._check_closed()
        self._check_writable()
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            buf = buf[offset:offset + size]
        self._send_bytes(bytes(buf))

    def send(self, obj):
        """Send obj, pickled, as one message."""
        self._check_closed()
        self._check_writable()
        self._send_bytes(_pickle().dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive one message as bytes (OSError if longer than maxlength)."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    def recv(self):
        """Receive one message and unpickle it."""
        self._check_closed()
        self._check_readable()
        return _pickle().loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether a message can be read, waiting up to timeout seconds (None: forever)."""
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<%s.%s closed=%s readable=%s writable=%s>' % (
            type(self).__module__, type(self).__name__, self._closed,
            self._readable, self._writable)


def Pipe(duplex=True):
    """Two connected Connection objects. With duplex=False the first one
    only receives and the second one only sends."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        c1 = Connection((r1, w2))
        c2 = Connection((r2, w1))
    else:
        r, w = os.pipe()
        c1 = Connection(r, writable=False)
        c2 = Connection(w, readable=False)
    return c1, c2


def _fileno(obj):
    if isinstance(obj, int):
        return obj
    return obj.fileno()


def wait(object_list, timeout=None):
    """Block until some of object_list can be read (a message, or end of
    file: a process sentinel is ready when the process has ended).

    The objects are Connections, file descriptors (ints), or anything with
    a fileno(). Returns those that are ready; [] if timeout seconds passed
    first."""
    if not object_list:
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        return []
    p = select.poll()
    by_fd = {}
    for obj in object_list:
        fd = _fileno(obj)
        by_fd.setdefault(fd, []).append(obj)
        p.register(fd, select.POLLIN)
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        if timeout is None:
            ms = None
        else:
            ms = max(0, int((deadline - time.monotonic()) * 1000 + 0.999))
        try:
            events = p.poll(ms)
        except InterruptedError:
            continue
        ready = []
        seen = set()
        for fd, ev in events:
            if fd in seen:
                continue
            seen.add(fd)
            ready.extend(by_fd.get(fd, ()))
        # Keep the caller's order.
        return [o for o in object_list if o in ready] if ready else []


class Listener:
    """Sockets with authentication are not available in minipy."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("multiprocessing.connection.Listener is not available in minipy")


def Client(*args, **kwargs):
    raise NotImplementedError("multiprocessing.connection.Client is not available in minipy")
