"""Protocols: the callbacks a transport calls (CPython's protocols.py).

A transport calls connection_made(transport) once, then data_received(data)
for each chunk read, eof_received() when the peer stops sending, and
connection_lost(exc) once at the end (exc None on a normal close).
pause_writing()/resume_writing() tell the protocol when the transport's
write buffer goes over its high-water mark and back under the low one.
"""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol',
           'SubprocessProtocol', 'BufferedProtocol')


class BaseProtocol:
    """Callbacks every protocol has."""

    __slots__ = ()

    def connection_made(self, transport):
        """The connection is up; transport is how to write and close."""

    def connection_lost(self, exc):
        """The connection is closed (exc is None) or failed (exc says why)."""

    def pause_writing(self):
        """The transport's buffer is over the high-water mark."""

    def resume_writing(self):
        """The transport's buffer has drained below the low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data arrives as bytes objects."""

    __slots__ = ()

    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The peer will send no more. Return a true value to keep the
        connection open for writing; otherwise the transport closes."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that lends the transport its own buffer."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        """A writable buffer for the next read."""

    def buffer_updated(self, nbytes):
        """nbytes were written into the buffer."""

    def eof_received(self):
        """As Protocol.eof_received."""


class DatagramProtocol(BaseProtocol):
    """A datagram protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """A datagram arrived from addr."""

    def error_received(self, exc):
        """A send or receive failed."""


class SubprocessProtocol(BaseProtocol):
    """A protocol for a child process's pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """The child wrote data to its stdout or stderr (fd 1 or 2)."""

    def pipe_connection_lost(self, fd, exc):
        """One of the child's pipes closed."""

    def process_exited(self):
        """The child exited."""
