"""Synchronization between processes (CPython's multiprocessing.synchronize):
Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event and Barrier.

They are built on _multiprocessing.SemLock, a semaphore in memory shared
with every process forked after it was made (see _multiprocessingmodule.c),
so a Lock created before Process.start() is the same lock in the child.
Condition keeps its waiters' count in semaphores too (sleeping, woken), as
CPython's does, so notify() works across processes.
"""

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

import threading
import time

import _multiprocessing
from _multiprocessing import SemLock as _SemLockType

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
SEM_VALUE_MAX = _multiprocessing.SemLock.SEM_VALUE_MAX


class SemLock:
    """A SemLock with the methods the classes below share."""

    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._semlock = _SemLockType(kind, value, maxvalue)
        self._make_methods()

    def _make_methods(self):
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        raise RuntimeError("%s objects should only be shared between processes"
                           " through inheritance" % type(self).__name__)


class Semaphore(SemLock):
    """Semaphore(value=1): a counter shared between processes."""

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):
    """A semaphore that cannot be released above its initial value."""

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (self.__class__.__name__, value,
                                               self._semlock.maxvalue)


class Lock(SemLock):
    """A non-recursive lock shared between processes."""

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = threading.current_thread().name
                from .process import current_process
                if current_process().name != 'MainProcess':
                    name = current_process().name + '|' + name
            elif self._semlock._get_value() == 1:
                name = 'None'
            elif self._semlock._count() > 0:
                name = 'SomeOtherThread'
            else:
                name = 'SomeOtherProcess'
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):
    """A recursive lock shared between processes."""

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = threading.current_thread().name
                from .process import current_process
                if current_process().name != 'MainProcess':
                    name = current_process().name + '|' + name
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = 'None', 0
            elif self._semlock._count() > 0:
                name, count = 'SomeOtherThread', 'nonzero'
            else:
                name, count = 'SomeOtherProcess', 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Condition:
    """Condition(lock=None): a condition variable shared between processes.

    Waiters sleep on a semaphore; `sleeping` counts the waiters and
    `woken` counts the wake-ups handed out, so notify(n) can tell how many
    it woke."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self._make_methods()

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() -
                           self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), 'must acquire() condition before using wait()'
        # Announce that we sleep, then give the lock up completely.
        self._sleeping_count.release()
        count = self._lock._semlock._count()
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            # Tell notify() we woke up, then take the lock back as deep as before.
            self._woken_count.release()
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False)
        # Waiters that timed out have already said so: drop their counts.
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, ('notify: Bug in sleeping_count.acquire - res should not be False')
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()     # wait for a sleeper to wake
            # Rezero wait_semaphore in case some timeouts just happened.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    """An event flag shared between processes."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return "<%s at %#x %s>" % (type(self).__qualname__, id(self), set_status)


class Barrier:
    """Barrier(parties, action=None, timeout=None) for processes: parties
    processes (or threads) wait() until all have arrived."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        import _multiprocessing
        self._state_buf = _multiprocessing.SharedBuffer(16)
        self._cond = Condition()
        self._parties = parties
        self._action = action
        self._timeout = timeout

    def _get(self, i):
        return self._state_buf.get('q', i)

    def _set(self, i, v):
        self._state_buf.set('q', i, v)

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._get(1) if self._get(0) == 0 else 0

    @property
    def broken(self):
        return self._get(0) == -2

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # state: 0 filling, 1 draining, -2 broken; count of waiters.
            while self._get(0) == 1:
                self._cond.wait()
            if self._get(0) == -2:
                raise threading.BrokenBarrierError
            index = self._get(1)
            self._set(1, index + 1)
            try:
                if index + 1 == self._parties:
                    if self._action:
                        self._action()
                    self._set(0, 1)
                    self._cond.notify_all()
                else:
                    if not self._cond.wait_for(lambda: self._get(0) != 0, timeout):
                        self._set(0, -2)
                        self._cond.notify_all()
                        raise threading.BrokenBarrierError
                    if self._get(0) == -2:
                        raise threading.BrokenBarrierError
                return index
            finally:
                self._set(1, self._get(1) - 1)
                if self._get(1) == 0 and self._get(0) == 1:
                    self._set(0, 0)
                    self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._set(0, -2)
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            self._set(0, 0)
            self._set(1, 0)
            self._cond.notify_all()
