"""Process objects (CPython's multiprocessing.process): the API of a child
process, modelled on threading.Thread, and the registry of this process's
children.

A Process is started by a Popen (popen_fork.py): fork() copies the parent,
and the child runs _bootstrap(), which makes the Process object the
child's current_process(), runs run(), reports an uncaught exception as
"Process NAME:" plus the traceback on stderr, and returns the exit code
the child leaves with (os._exit: no atexit handlers, no module teardown).
"""

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

import os
import sys
import signal

try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    ORIGINAL_DIR = None


def current_process():
    """The Process object of the running process."""
    return _current_process


def active_children():
    """The children still running (the ones that ended are reaped)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent process (a Process one can only test and wait for), or None in the main process."""
    return _parent_process


def _cleanup():
    # Reap the children that have finished.
    for p in list(_children):
        if p._popen.poll() is not None:
            _children.discard(p)


class BaseProcess:
    """A child process running target(*args, **kwargs), with the API of
    threading.Thread: start(), join(), is_alive(), name, daemon..."""

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = _counter()
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the child process does: calls target(*args, **kwargs). Subclasses override it."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Fork the child process, which calls run()."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The target and its arguments live on in the child, not here.
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Send the child SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Send the child SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait for the child to end, at most timeout seconds; reap it."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child has been started and has not ended."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the resources of the Process object (it must have ended)."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the process is a daemon (terminated when its parent exits)."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        """Set the daemon flag, before start()."""
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        """Set the authentication key (kept for compatibility)."""
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """The exit code once the child has ended (negative: killed by that signal), else None."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """The process id, or None before start()."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A file descriptor that becomes readable (end of file) when the
        child ends: for connection.wait()."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        # Runs in the child made by fork(); returns its exit code.
        from . import util
        global _current_process, _parent_process, _counter, _children
        exitcode = 1
        try:
            _children = set()
            _counter = iter(range(1, sys.maxsize)).__next__
            util._close_stdin()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid, parent_sentinel)
            util._finalizer_registry.clear()
            util._run_after_forkers()
            util.info('child process calling self.run()')
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            _print_exc()
        finally:
            import threading
            threading._shutdown()
            util.info('process exiting with exitcode %d' % exitcode)
            util._flush_std_streams()
        return exitcode


def _print_exc():
    # The exception being handled, as traceback.print_exc() prints it.
    etype, value, tb = sys.exc_info()
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None and hasattr(traceback, 'print_exception'):
        traceback.print_exception(etype, value, tb)
    else:
        sys.__excepthook__(etype, value, tb)


class AuthenticationString(bytes):
    def __reduce__(self):
        raise TypeError('Pickling an AuthenticationString object is disallowed for security reasons')


class _ParentProcess(BaseProcess):
    """The parent, as seen from a child: not joinable, alive while its
    sentinel (the read end of a pipe the parent holds open) is not ready."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from multiprocessing.connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    def join(self, timeout=None):
        """Wait for the parent process to end."""
        from multiprocessing.connection import wait
        wait([self._sentinel], timeout=timeout)

    pid = ident


class _MainProcess(BaseProcess):
    """The process the interpreter was started as."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}

    def close(self):
        pass


_parent_process = None
_current_process = _MainProcess()
_counter = iter(range(1, sys.maxsize)).__next__
_children = set()
del _MainProcess

# Exit codes of processes killed by a signal, by name (-15 -> 'SIGTERM').
_exitcode_to_name = {}
for _name in ('SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGABRT', 'SIGFPE', 'SIGKILL',
              'SIGSEGV', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGBUS'):
    _exitcode_to_name[-getattr(signal, _name)] = _name
del _name

# For debug and leak testing
_dangling = set()
