"""Helpers for multiprocessing (CPython's multiprocessing.util): finalizers
run at exit, callbacks run in a child after fork, flushing the standard
streams, and the exit handler that waits for child processes.

Logging is reduced to functions that do nothing unless log_to_stderr()
was called (there is no logging module).
"""

import os
import sys
import atexit
import threading

from . import process

__all__ = [
    'sub_debug', 'debug', 'info', 'sub_warning', 'get_logger',
    'log_to_stderr', 'get_temp_dir', 'register_after_fork',
    'is_exiting', 'Finalize', 'ForkAwareThreadLock', 'ForkAwareLocal',
    'close_all_fds_except', 'SUBDEBUG', 'SUBWARNING',
]

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_log_level = None       # set by log_to_stderr()


def _log(level, name, msg, args):
    if _log_level is not None and level >= _log_level:
        text = msg % args if args else msg
        sys.stderr.write('[%s/%s] %s\n' % (name, process.current_process().name, text))


def sub_debug(msg, *args):
    _log(SUBDEBUG, 'SUBDEBUG', msg, args)


def debug(msg, *args):
    _log(DEBUG, 'DEBUG', msg, args)


def info(msg, *args):
    _log(INFO, 'INFO', msg, args)


def sub_warning(msg, *args):
    _log(SUBWARNING, 'SUBWARNING', msg, args)


def get_logger():
    """There is no logging module: returns None."""
    return None


def log_to_stderr(level=None):
    """Print multiprocessing's log messages of at least level to stderr."""
    global _log_level
    _log_level = level if level is not None else SUBWARNING
    return None


def get_temp_dir():
    tempdir = process.current_process()._config.get('tempdir')
    if tempdir is None:
        base = os.environ.get('TMPDIR', '/tmp')
        tempdir = os.path.join(base, 'pymp-%d' % os.getpid())
        os.makedirs(tempdir, exist_ok=True)
        process.current_process()._config['tempdir'] = tempdir
    return tempdir


# ---- Callbacks after fork ---------------------------------------------------------------

# (counter, id(obj), func) -> obj. Held strongly (there are no weak
# references): objects registered here live as long as the process.
_afterfork_registry = {}
_afterfork_counter = iter(range(1, sys.maxsize)).__next__


def _run_after_forkers():
    items = sorted(_afterfork_registry.items(), key=lambda item: item[0][0])
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


def register_after_fork(obj, func):
    """Call func(obj) in every child process started after this call."""
    _afterfork_registry[(_afterfork_counter(), id(obj), func)] = obj


# ---- Finalizers ---------------------------------------------------------------------------

# key (exitpriority, counter) -> Finalize: the ones to run at exit.
_finalizer_registry = {}
_finalizer_counter = iter(range(sys.maxsize)).__next__


class Finalize:
    """Finalize(obj, callback, args=(), kwargs=None, exitpriority=None)

    A callback run once: when called, or at exit if exitpriority is not
    None (highest priority first, then newest first). CPython also runs
    it when obj is garbage collected (through a weak reference); without
    weak references obj is only used to describe the finalizer, and the
    classes here close their resources in __del__ instead."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError("Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                exitpriority, type(exitpriority)))
        if obj is None and exitpriority is None:
            raise TypeError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, _finalizer_counter())
        self._pid = os.getpid()
        if exitpriority is not None:
            _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        """Run the callback unless it has already been called or cancelled."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            if self._callback is None:
                return None
        if self._pid != os.getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        """Cancel the finalizer without running it."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        """Whether the callback is still to be called."""
        return self._key in _finalizer_registry

    def __repr__(self):
        if self._callback is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (self.__class__.__name__,
                                          getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Run the registered finalizers with a priority of at least minpriority
    (all of them with a priority when None), highest priority first."""
    if _finalizer_registry is None:
        return
    if minpriority is None:
        keep = lambda p: p[0] is not None
    else:
        keep = lambda p: p[0] is not None and p[0] >= minpriority
    keys = sorted([key for key in list(_finalizer_registry) if keep(key)], reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                process._print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


def is_exiting():
    """Whether the process is exiting (the exit handler has started)."""
    return _exiting


_exiting = False


def _exit_function():
    # At exit (atexit in the main process, the end of _bootstrap in a
    # child): run finalizers, terminate daemonic children, join the others.
    global _exiting
    if _exiting:
        return
    _exiting = True
    info('process shutting down')
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                info('calling terminate() for daemon %s', p.name)
                p._popen.terminate()
        for p in process.active_children():
            info('calling join() for process %s', p.name)
            p.join()
    _run_finalizers()


atexit.register(_exit_function)


# ---- Locks and locals that survive fork ---------------------------------------------------

class ForkAwareThreadLock:
    """A threading.Lock that is new (unlocked) in a forked child."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def _check(self):
        if self._pid != os.getpid():
            self._lock = threading.Lock()
            self._pid = os.getpid()
        return self._lock

    def acquire(self, *args, **kwargs):
        return self._check().acquire(*args, **kwargs)

    def release(self):
        return self._check().release()

    def __enter__(self):
        return self._check().__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(threading.local):
    """A threading.local (new in a forked child, as every thread there is)."""
    pass


# ---- Streams and file descriptors -----------------------------------------------------------

def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _close_stdin():
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        sys.stdin = open(os.devnull)
    except (OSError, ValueError):
        pass


def close_fds(*fds):
    """Close each file descriptor given as argument."""
    for fd in fds:
        os.close(fd)


def close_all_fds_except(fds):
    fds = sorted(set(fds) | {-1})
    for fd in os.listdir('/proc/self/fd'):
        fd = int(fd)
        if fd > 2 and fd not in fds:
            try:
                os.close(fd)
            except OSError:
                pass
