"""Future and Executor for threads (the thread-safe Future, unlike
asyncio's, which belongs to one loop).

A Future's state changes under its Condition: PENDING, then RUNNING when
a worker picks it up (set_running_or_notify_cancel), then FINISHED; or
CANCELLED while still pending. result() waits on the Condition. Done
callbacks run in the thread that completes the future. wait() and
as_completed() register a waiter object with each future, told about
every completion.
"""

import collections
import sys
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
# Cancelled, and the waiters have been told.
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_NOTIFIED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


def _log_exception(msg, *args):
    # concurrent.futures' logger, reduced to the text on stderr.
    import traceback
    text = msg % args if args else msg
    sys.stderr.write(text + '\n' + traceback.format_exc())


class Error(Exception):
    """Base class for the errors of this module."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """The executor cannot run anything any more."""


class _Waiter:
    """Collects the futures that finish while wait()/as_completed() waits;
    event is set when the waiting should end."""

    def __init__(self, mode, pending_count=0):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []
        self.mode = mode
        self.pending = pending_count

    def _add(self, future, failed):
        with self.lock:
            self.finished_futures.append(future)
            if self.mode in (_AS_COMPLETED, FIRST_COMPLETED):
                self.event.set()
            elif self.mode == FIRST_EXCEPTION and failed:
                self.event.set()
            else:
                self.pending -= 1
                if self.pending <= 0:
                    self.event.set()

    def add_result(self, future):
        self._add(future, False)

    def add_exception(self, future):
        self._add(future, True)

    def add_cancelled(self, future):
        self._add(future, False)


class _AcquireFutures:
    """Hold the conditions of several futures at once (in id order, so two
    callers cannot deadlock)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _install_waiter(fs, return_when):
    if return_when not in (_AS_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return condition: %r" % return_when)
    pending = sum(f._state not in _NOTIFIED_STATES for f in fs)
    waiter = _Waiter(return_when, pending)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _remove_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they finish (those already done first).
    TimeoutError if they are not all done within timeout seconds."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total = len(fs)
    with _AcquireFutures(fs):
        finished = [f for f in fs if f._state in _NOTIFIED_STATES]
        pending = fs - set(finished)
        waiter = _install_waiter(fs, _AS_COMPLETED)
    try:
        for f in finished:
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            for f in finished:
                if f in pending:
                    pending.discard(f)
                    yield f
    finally:
        _remove_waiter(fs, waiter)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures of fs: all, the first, or the first to raise.
    Returns the named pair (done, not_done) of sets."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in _NOTIFIED_STATES}
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(not f.cancelled() and f.exception() is not None for f in done):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _install_waiter(fs, return_when)

    waiter.event.wait(timeout)
    _remove_waiter(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    """The result of a call that runs in another thread."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r', self)

    def __repr__(self):
        with self._condition:
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__, id(self), state,
                        self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__, id(self), state,
                    self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (self.__class__.__name__, id(self), state)

    def cancel(self):
        """Cancel unless running or done; True if it is (now) cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def _get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                self = None
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when done: now, in this thread, if it already
        is; otherwise in the thread that completes it."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r', self)

    def result(self, timeout=None):
        """Wait (at most timeout seconds) and return the result or raise
        the call's exception; CancelledError, TimeoutError."""
        try:
            with self._condition:
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self._get_result()
                self._condition.wait(timeout)
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self._get_result()
                raise TimeoutError()
        finally:
            self = None

    def exception(self, timeout=None):
        """As result(), but returns the exception (None if none)."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: mark it running (True), or, if it was cancelled,
        tell the waiters (False)."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class Executor:
    """Something that runs calls: submit() returns a Future."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """As map(fn, *iterables), the calls running concurrently; results
        in order."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
