"""Future: a result that arrives later, on one event loop.

A Future is PENDING until set_result(), set_exception() or cancel() moves
it to FINISHED or CANCELLED, once. Callbacks added with add_done_callback
are not called directly: when the state changes, each is scheduled on the
loop with call_soon(callback, future), so they run from the loop in the
order they were added.

`await future` runs __await__, a generator: while the future is pending it
sets _asyncio_future_blocking and yields the future itself. The Task
driving the coroutine receives it from send(), adds a done-callback that
wakes the task, and resumes the coroutine when the future is done; then
__await__ returns the result (or raises the exception).

A Future whose exception nobody retrieved reports "Future exception was
never retrieved" through the loop's exception handler when it is freed.

This is the Python implementation (_PyFuture); when a native _asyncio
module provides Future, `Future` names that one instead, as in CPython.
"""

__all__ = (
    'Future', 'wrap_future', 'isfuture',
)

import contextvars
import sys

from . import base_futures
from . import events
from . import exceptions
from . import format_helpers


isfuture = base_futures.isfuture


_PENDING = base_futures._PENDING
_CANCELLED = base_futures._CANCELLED
_FINISHED = base_futures._FINISHED


STACK_DEBUG = 5  # logging.DEBUG - 5


class Future:
    """A result that is set later; awaitable; bound to one loop."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    # The CancelledError raised inside a task, kept so result() can raise it
    # again with its traceback and context.
    _cancelled_exc = None

    # True while a coroutine waits on this future in `await`: __await__ sets
    # it before yielding the future and the Task clears it. Its presence on
    # the class (not None) is also what isfuture() looks for.
    _asyncio_future_blocking = False

    __log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []
        if self._loop.get_debug():
            self._source_traceback = format_helpers.extract_stack(sys._getframe(1))

    def __repr__(self):
        return base_futures._future_repr(self)

    def __del__(self):
        if not self.__log_traceback:
            return
        exc = self._exception
        context = {
            'message': f'{self.__class__.__name__} exception was never retrieved',
            'exception': exc,
            'future': self,
        }
        if self._source_traceback:
            context['source_traceback'] = self._source_traceback
        self._loop.call_exception_handler(context)

    @property
    def _log_traceback(self):
        return self.__log_traceback

    @_log_traceback.setter
    def _log_traceback(self, val):
        if val:
            raise ValueError('_log_traceback can only be set to False')
        self.__log_traceback = False

    def get_loop(self):
        """The loop the future is bound to."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise: the one saved from the task, or a new
        one carrying the cancel message."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule its callbacks. False if it was
        already done or cancelled."""
        self.__log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True

    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback, ctx in callbacks:
            self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        """Done means finished with a result or an exception, or cancelled."""
        return self._state != _PENDING

    def result(self):
        """The result; raises the exception if one was set, CancelledError
        if cancelled, InvalidStateError while pending."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Result is not set.')
        self.__log_traceback = False
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        """The exception set, or None; CancelledError if cancelled,
        InvalidStateError while pending."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        self.__log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Call fn(future) from the loop once the future is done (at once,
        through call_soon, if it already is), in `context` or else a copy of
        the current context."""
        if context is None:
            context = contextvars.copy_context()
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Remove every registration of fn; returns how many there were."""
        kept = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self.__schedule_callbacks()
        self.__log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # The Task resumes us once the future is done.
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__  # `yield from future` in generator-based code.


_PyFuture = Future


def _get_loop(fut):
    # The loop of fut, for Future-compatible objects too.
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _set_none_unless_cancelled(fut):
    # asyncio.sleep()'s timer callback for the usual result None: a timer
    # with one argument keeps no args tuple.
    if fut.cancelled():
        return
    fut.set_result(None)


def _convert_future_exc(exc):
    # A concurrent.futures exception becomes the asyncio one.
    exc_class = type(exc)
    cf = sys.modules.get('concurrent.futures')
    if cf is not None:
        if exc_class is cf.CancelledError:
            return exceptions.CancelledError(*exc.args)
        if exc_class is cf.InvalidStateError:
            return exceptions.InvalidStateError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    """Copy the state of an asyncio Future to a concurrent.futures one."""
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    """Copy the state of one (done) future to another (pending) one."""
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _is_asyncio_future(fut):
    return isinstance(fut, Future) or isinstance(fut, _PyFuture) or (
        isfuture(fut) and hasattr(fut, 'get_loop'))


def _chain_future(source, destination):
    """Make destination follow source (each is an asyncio Future or a
    concurrent.futures Future): when source completes, destination gets its
    state; when destination is cancelled, so is source. Each side is
    changed from its own loop's thread."""
    source_is_asyncio = _is_asyncio_future(source)
    dest_is_asyncio = _is_asyncio_future(destination)
    source_loop = _get_loop(source) if source_is_asyncio else None
    dest_loop = _get_loop(destination) if dest_is_asyncio else None

    def _set_state(future, other):
        if _is_asyncio_future(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """An asyncio Future that follows a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


try:
    import _asyncio
except ImportError:
    pass
else:
    # The native Future, when the interpreter has one.
    Future = _CFuture = _asyncio.Future
