"""Thread module emulating a subset of Java's threading model (CPython's threading).

Built on the native _thread module (stdlib/_threadmodule.c): _thread gives
OS threads, plain locks, re-entrant locks and thread-local data; this
module adds Thread objects, the registry of running threads, Condition,
Semaphore, Event, Barrier and Timer, and the shutdown protocol the
interpreter runs at exit (_shutdown joins every non-daemon thread).

Every blocking wait here ends in a _thread lock acquire, which releases the
GIL while it waits.
"""

import sys as _sys
import _thread

from time import monotonic as _time
from _collections import deque as _deque

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

# Rename some stuff so "from threading import *" is safe
_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = getattr(_thread, '_set_sentinel', None)
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
try:
    _CRLock = _thread.RLock
except AttributeError:
    _CRLock = None
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
local = _thread._local
_set_thread_name = _thread._set_thread_name  # minipy: names in -X gil-stats/-X gil-trace
del _thread


# ---- Profile and trace hooks ---------------------------------------------------------
# Installed in every thread started by this module (when sys supports them).

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


# ---- Locks -------------------------------------------------------------------------------

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """Factory function that returns a new reentrant lock.

    A reentrant lock must be released by the thread that acquired it. Once a
    thread has acquired a reentrant lock, the same thread may acquire it
    again without blocking; the thread must release it once for each time
    it has acquired it."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock written in Python, over a plain lock: the owner's
    ident and a recursion count (used when _thread has no RLock)."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        try:
            owner = _active[owner].name
        except KeyError:
            pass
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock, blocking or non-blocking; returns whether it was acquired."""
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        """Release the lock; the lock is free when the count reaches zero."""
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Used by Condition: give the lock up completely while waiting, then
    # restore the recursion level.

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0


_PyRLock = _RLock


# ---- Condition ---------------------------------------------------------------------------

class Condition:
    """Class that implements a condition variable.

    A condition variable allows one or more threads to wait until they are
    notified by another thread. If the lock argument is given and not None,
    it must be a Lock or RLock object, and it is used as the underlying
    lock. Otherwise, a new RLock object is created and used.

    Each waiter sleeps on a lock of its own, acquired twice: notify()
    releases the waiters' locks in FIFO order."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        # Export the lock's acquire() and release() methods
        self.acquire = lock.acquire
        self.release = lock.release
        # If the lock defines _release_save() and/or _acquire_restore(),
        # these override the default implementations (which just call
        # release() and acquire() on the lock). Ditto for _is_owned().
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = _deque()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()           # No state to save

    def _acquire_restore(self, x):
        self._lock.acquire()           # Ignore saved state

    def _is_owned(self):
        # A plain lock cannot tell who holds it: if we can take it, we did
        # not own it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Wait until notified or until a timeout occurs.

        The lock must be held; it is released while waiting and re-acquired
        before returning. Returns True unless the given timeout expired."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:    # restore the lock's state no matter what (e.g. KeyboardInterrupt)
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until a condition evaluates to True.

        predicate should be a callable whose result is interpreted as a
        boolean. A timeout may be given as the maximum time to wait; the
        predicate's last value is returned."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up one or more threads waiting on this condition, if any.

        The calling thread must hold the lock. Wakes up at most n waiters."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # The waiter timed out and released its own lock already.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up all threads waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Wake up all threads waiting on this condition (deprecated alias)."""
        self.notify_all()


# ---- Semaphores ----------------------------------------------------------------------------

class Semaphore:
    """This class implements semaphore objects.

    Semaphores manage a counter representing the number of release() calls
    minus the number of acquire() calls, plus an initial value. acquire()
    blocks if necessary until it can return without making the counter
    negative. If not given, value defaults to 1."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return ("<%s.%s at %s: value=%d>"
                % (cls.__module__, cls.__qualname__, hex(id(self)), self._value))

    def acquire(self, blocking=True, timeout=None):
        """Acquire a semaphore, decrementing the internal counter by one.

        Returns True when it was decremented, False when a non-blocking call
        found it at zero or the timeout expired first."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by n (one
        by default), and wake up as many waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose counter may not rise above its initial value:
    releasing it too many times raises ValueError."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return ("<%s.%s at %s: value=%d/%d>"
                % (cls.__module__, cls.__qualname__, hex(id(self)),
                   self._value, self._initial_value))

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by n.

        Raises ValueError if the counter would exceed the initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---- Event ----------------------------------------------------------------------------------

class Event:
    """Class implementing event objects.

    Events manage a flag that can be set to true with set() and reset to
    false with clear(). wait() blocks until the flag is true. The flag is
    initially false."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %s: %s>" % (cls.__module__, cls.__qualname__, hex(id(self)), status)

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Return true if and only if the internal flag is true."""
        return self._flag

    def isSet(self):
        """Return true if and only if the internal flag is true (deprecated alias)."""
        return self.is_set()

    def set(self):
        """Set the internal flag to true; all waiting threads are awakened."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the internal flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true, or until the optional
        timeout (seconds, a float) expires. Returns the flag on exit."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---- Barrier -----------------------------------------------------------------------------------

# Barrier states.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Implements a Barrier.

    Useful for synchronizing a fixed number of threads at known
    synchronization points: threads block on wait() and are all released
    once `parties` of them have made that call.

    The barrier fills (threads arrive), then drains (the released threads
    leave) before it can fill again; reset() and abort() move it to the
    resetting and broken states, which make waiters raise BrokenBarrierError."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0     # threads inside wait()

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %s: broken>" % (cls.__module__, cls.__qualname__, hex(id(self)))
        return ("<%s.%s at %s: waiters=%d/%d>"
                % (cls.__module__, cls.__qualname__, hex(id(self)), self.n_waiting, self.parties))

    def wait(self, timeout=None):
        """Wait for the barrier.

        When the specified number of threads have started waiting, they are
        all simultaneously awoken. If an 'action' was provided for the
        barrier, one of the threads will have executed that callback prior
        to returning. Returns an individual index number from 0 to
        'parties-1'."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # A barrier still draining (or resetting) from the previous
            # round must empty first.
            while self._state in (_DRAINING, _RESETTING):
                self._cond.wait()
            if self._state < 0:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                # The last one out lets the next round fill.
                if self._count == 0 and self._state in (_DRAINING, _RESETTING):
                    self._state = _FILLING
                    self._cond.notify_all()

    def _trip(self):
        # The last arrival runs the action and releases everyone.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            # Timed out: the barrier is broken for everyone.
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def reset(self):
        """Reset the barrier to the initial state.

        Any threads currently waiting will get the BrokenBarrier exception
        raised."""
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    # Waiters raise; the last one out sets it filling again.
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Place the barrier into a 'broken' state.

        Useful in case of error. Any currently waiting threads and threads
        attempting to 'wait()' will have BrokenBarrierError raised."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        """Return the number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """Return the number of threads currently waiting at the barrier."""
        # While draining, the threads still inside are leaving, not waiting.
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """Return True if the barrier is in a broken state."""
        return self._state == _BROKEN


# ---- The registry of threads -------------------------------------------------------------------

# Calling a range iterator's __next__ is one C call, so two threads creating
# threads at once never get the same number (CPython uses itertools.count).
_counter = iter(range(1, _sys.maxsize)).__next__


def _newname(name_template):
    return name_template % _counter()


# _active maps the ident of each running Thread to it; _limbo holds threads
# that were started but have not reached their bootstrap yet. The lock is
# re-entrant so enumerate() may be called from code holding it.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# The tstate locks of the non-daemon threads, joined by _shutdown().
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    """Drop the locks of threads that have finished (called with
    _shutdown_locks_lock held)."""
    to_remove = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(to_remove)


# ---- Thread ------------------------------------------------------------------------------------

class Thread:
    """A class that represents a thread of control.

    This class can be safely subclassed in a limited fashion: override run()
    (and __init__, calling Thread.__init__ first)."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        """This constructor should always be called with keyword arguments.

        *group* should be None; *target* is the callable run() invokes;
        *name* defaults to "Thread-N (target)"; *args* and *kwargs* are the
        target's arguments; *daemon* defaults to the creating thread's
        daemon status."""
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % (target.__name__,)
                except AttributeError:
                    pass

        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._owns_tstate_lock = False
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Copy of sys.stderr used by the exception hook when sys.stderr is gone.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()     # updates _is_stopped when the thread has finished
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity.

        It must be called at most once per thread object. It arranges for
        the object's run() method to be invoked in a separate thread of
        control; it returns once the new thread is running."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """Method representing the thread's activity.

        The standard run() invokes the callable passed as the target
        argument, with positional and keyword arguments taken from the args
        and kwargs arguments."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a refcycle if the thread is running a function with an
            # argument that has a member that points to the thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The first Python code of the new OS thread.
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                # A daemon thread may run into interpreter teardown.
                return
            raise

    def _reset_internal_locks(self, is_alive):
        # After a fork, in the child: the locks may have been held by threads
        # that no longer exist.
        self._started._at_fork_reinit()
        if is_alive:
            if self._tstate_lock is not None:
                self._tstate_lock._at_fork_reinit()
                self._tstate_lock.acquire()
        else:
            # The thread isn't alive after fork: it doesn't have a tstate anymore.
            self._is_stopped = True
            self._tstate_lock = None

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Set up the lock join() waits on: held while the thread runs.

        With _thread._set_sentinel() the runtime releases it when the thread
        state is deleted; otherwise the thread releases it itself as the
        last step of its bootstrap."""
        if _set_sentinel is not None:
            self._tstate_lock = _set_sentinel()
            self._owns_tstate_lock = False
        else:
            self._tstate_lock = _allocate_lock()
            self._owns_tstate_lock = True
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            # minipy: name this thread in -X gil-stats and -X gil-trace.
            _set_thread_name(self._name)
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]

            if _trace_hook and hasattr(_sys, 'settrace'):
                _sys.settrace(_trace_hook)
            if _profile_hook and hasattr(_sys, 'setprofile'):
                _sys.setprofile(_profile_hook)

            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            if self._owns_tstate_lock:
                lock = self._tstate_lock
                if lock is not None and lock.locked():
                    lock.release()

    def _stop(self):
        # After the tstate lock was seen released: the thread is finished.
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                # Remove our lock and other released locks from _shutdown_locks
                _maintain_shutdown_locks()

    def _delete(self):
        """Remove the current thread from the dict of currently running threads."""
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread terminates.

        With a timeout (seconds, a float), returns after at most that long;
        call is_alive() afterwards to know whether it finished. A thread can
        be joined many times; joining the current thread or a thread not yet
        started raises RuntimeError."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # the behavior of a negative timeout isn't documented, but
            # historically .join(timeout=x) for x<0 has acted as if timeout=0
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        # The tstate lock is held while the thread runs: acquiring it means
        # the thread has finished.
        lock = self._tstate_lock
        if lock is None:
            # already determined that the thread is done
            assert self._is_stopped
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                # bpo-45274: lock.acquire() acquired the lock, but the function
                # was interrupted with an exception before reaching the
                # lock.release(). It can happen if a signal handler raises an
                # exception, like CTRL+C which raises KeyboardInterrupt.
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """A string used for identification purposes only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """Thread identifier of this thread or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """Native integral thread ID of this thread, or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Return whether the thread is alive: from just before run() starts
        until just after it terminates."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """A boolean value indicating whether this thread is a daemon thread.

        Must be set before start(); the entire program exits when only daemon
        threads are left."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated: use the daemon attribute)."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated: set the daemon attribute)."""
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated: use name)."""
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated: set the name attribute)."""
        self.name = name


# ---- Uncaught exceptions in threads --------------------------------------------------------------

class ExceptHookArgs(tuple):
    """The argument of threading.excepthook(): exc_type, exc_value,
    exc_traceback and thread (a structseq in CPython)."""

    __slots__ = ()

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("ExceptHookArgs takes a 4-sequence (%d-sequence given)" % len(args))
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0], doc="Exception type")
    exc_value = property(lambda self: self[1], doc="Exception value")
    exc_traceback = property(lambda self: self[2], doc="Exception traceback")
    thread = property(lambda self: self[3], doc="Thread")

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % tuple(self))


def _print_exception(exc_type, exc_value, exc_tb, file):
    # The traceback as sys.excepthook prints it. minipy's default hook
    # writes to sys.stderr, which is where this goes unless a thread saved
    # a different stream.
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None and hasattr(traceback, 'print_exception'):
        traceback.print_exception(exc_type, exc_value, exc_tb, file=file)
    elif file is _sys.stderr:
        _sys.__excepthook__(exc_type, exc_value, exc_tb)
    else:
        print("%s: %s" % (exc_type.__name__, exc_value), file=file)


def excepthook(args, /):
    """Handle uncaught Thread.run() exception: print "Exception in thread
    NAME:" and the traceback to stderr (SystemExit is silently ignored)."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            # do nothing if sys.stderr is None and sys.stderr was None
            # when the thread was created
            return
    else:
        # do nothing if sys.stderr is None and args.thread is None
        return

    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print("Exception in thread %s:" % (name,), file=stderr, flush=True)
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()


# Original value of threading.excepthook
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Create a local namespace to ensure that variables remain alive
    # when _invoke_excepthook() is called, even if it is called late during
    # Python shutdown. It is mostly needed for daemon threads.
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")

    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del args
            stderr = None
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:", file=stderr, flush=True)
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            # Break reference cycle (exception stored in a variable)
            args = None

    return invoke_excepthook


# ---- Timer ---------------------------------------------------------------------------------------

class Timer(Thread):
    """Call a function after a specified number of seconds:

        t = Timer(30.0, f, args=None, kwargs=None)
        t.start()
        t.cancel()     # stop the timer's action if it's still waiting
    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---- The main thread and threads this module did not start ------------------------------------

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread started with _thread.start_new_thread() directly: made on
    demand by current_thread(). Always daemonic, always alive, not joinable."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---- Global API ------------------------------------------------------------------------------------

def current_thread():
    """Return the current Thread object, corresponding to the caller's thread of control.

    For a thread not created through this module, a dummy thread object
    with limited functionality is returned."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Return the current Thread object (deprecated alias of current_thread())."""
    return current_thread()


def active_count():
    """Return the number of Thread objects currently alive (as enumerate() lists them)."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated alias)."""
    return active_count()


def _enumerate():
    # Same as enumerate(), but without the lock. Internal use only.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """Return a list of all Thread objects currently alive: daemonic threads,
    dummy threads and the main thread included; threads not yet started or
    already finished excluded."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """CPython internal: register *func* to be called before joining threads.

    The registered *func* is called with its arguments just before all
    non-daemon threads are joined in `_shutdown()`, in reverse order of
    registration (used by concurrent.futures)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


_main_thread = _MainThread()


def _shutdown():
    """Wait until the Python thread state of all non-daemon threads get deleted.

    The interpreter calls this at exit, from the main thread."""
    global _SHUTTING_DOWN
    # Obscure: other threads may be waiting to join _main_thread; that's a
    # deadlock unless the main thread's tstate lock is released here.
    if _main_thread._is_stopped:
        # _shutdown() was already called
        return

    _SHUTTING_DOWN = True

    tlock = _main_thread._tstate_lock
    if tlock is not None and tlock.locked():
        tlock.release()
    _main_thread._stop()

    # Call registered threading atexit functions before threads are joined.
    # Order is reversed, similar to atexit.
    for atexit_call in reversed(_threading_atexits):
        atexit_call()

    # Join all non-deamon threads
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()

        if not locks:
            break

        for lock in locks:
            # mimic Thread.join()
            lock.acquire()
            lock.release()

        # new threads can be spawned while we were waiting for the other
        # threads to complete


def main_thread():
    """Return the main thread object.

    In normal conditions, the main thread is the thread from which the
    Python interpreter was started."""
    return _main_thread


def _after_fork():
    """Called in the child process after a fork: only the thread that
    forked survives, and it becomes the main thread."""
    global _active_limbo_lock, _main_thread, _shutdown_locks_lock, _shutdown_locks
    _active_limbo_lock = RLock()

    new_active = {}
    try:
        current = _active[get_ident()]
    except KeyError:
        # fork() was called in a thread which was not spawned by threading.Thread.
        current = _MainThread()

    _main_thread = current

    # reset _shutdown() locks: threads re-register their _tstate_lock below
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()

    with _active_limbo_lock:
        for thread in _enumerate():
            # Any lock/condition variable may be currently locked or in an
            # invalid state, so we reinitialize them.
            if thread is current:
                # There is only one active thread.
                thread._reset_internal_locks(True)
                ident = get_ident()
                thread._ident = ident
                new_active[ident] = thread
            else:
                # All the others are already stopped.
                thread._reset_internal_locks(False)
                thread._stop()

        _limbo.clear()
        _active.clear()
        _active.update(new_active)
        assert len(_active) == 1


try:
    from os import register_at_fork as _register_at_fork
except ImportError:
    _register_at_fork = None
if _register_at_fork is not None:
    _register_at_fork(after_in_child=_after_fork)
