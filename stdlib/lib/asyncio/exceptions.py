"""The exceptions asyncio raises (CPython's asyncio/exceptions.py).

CancelledError derives from BaseException (since 3.8), so a plain
`except Exception` does not swallow a cancellation. TimeoutError is the
builtin one (since 3.11).
"""

__all__ = ('BrokenBarrierError',
           'CancelledError', 'InvalidStateError', 'TimeoutError',
           'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""


class IncompleteReadError(EOFError):
    """The stream ended before the expected number of bytes arrived.

    partial holds the bytes read; expected is the number asked for (None
    when reading up to a separator).
    """

    def __init__(self, partial, expected):
        wanted = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{wanted} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """A separator was not found within the buffer limit; consumed says how
    many bytes may be dropped."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    """A Barrier was reset or broken while tasks waited on it."""
