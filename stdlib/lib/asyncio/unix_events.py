"""The event loop on Unix: the selector loop plus Unix-domain sockets, and
the default policy that makes it."""

__all__ = ('SelectorEventLoop', 'DefaultEventLoopPolicy')

import errno
import os
import signal
import socket
import stat

from . import base_events
from . import coroutines
from . import events
from . import selector_events
from .log import logger


def _sighandler_noop(signum, frame):
    """The Python-level handler of a signal the loop handles: the work is
    done by the byte the C handler writes to the loop's self-pipe."""
    pass


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Selector loop with AF_UNIX connections and servers, and signal
    handlers: signal.set_wakeup_fd() makes the C signal handler write the
    signal number into the loop's self-pipe, and the loop, woken up, runs
    the callback registered for it as an ordinary callback."""

    def __init__(self, selector=None):
        super().__init__(selector)
        self._signal_handlers = {}

    def close(self):
        super().close()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)

    def _process_self_data(self, data):
        for signum in data:
            if not signum:
                # A byte from call_soon_threadsafe().
                continue
            self._handle_signal(signum)

    def add_signal_handler(self, sig, callback, *args):
        """Run callback(*args) in the loop when signal sig arrives (main
        thread only)."""
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        try:
            # Raises ValueError outside the main thread: a loop running in
            # another thread cannot take signals.
            signal.set_wakeup_fd(self._csock.fileno())
        except (ValueError, OSError) as exc:
            raise RuntimeError(str(exc))
        handle = events.Handle(callback, args, self, None)
        self._signal_handlers[sig] = handle
        try:
            signal.signal(sig, _sighandler_noop)
            # Interrupted system calls are restarted.
            signal.siginterrupt(sig, False)
        except OSError as exc:
            del self._signal_handlers[sig]
            if not self._signal_handlers:
                try:
                    signal.set_wakeup_fd(-1)
                except (ValueError, OSError) as nexc:
                    logger.info('set_wakeup_fd(-1) failed: %s', nexc)
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self._add_callback_signalsafe(handle)

    def remove_signal_handler(self, sig):
        """Remove the handler of signal sig; True if there was one."""
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        handler = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise
        if not self._signal_handlers:
            try:
                signal.set_wakeup_fd(-1)
            except (ValueError, OSError) as exc:
                logger.info('set_wakeup_fd(-1) failed: %s', exc)
        return True

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    async def create_unix_connection(self, protocol_factory, path=None, *,
                                     ssl=None, sock=None, server_hostname=None,
                                     ssl_handshake_timeout=None,
                                     ssl_shutdown_timeout=None):
        if ssl:
            raise NotImplementedError('minipy has no ssl support')
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
            sock.setblocking(False)
        return await self._create_connection_transport(sock, protocol_factory)

    async def create_unix_server(self, protocol_factory, path=None, *, sock=None,
                                 backlog=100, ssl=None, ssl_handshake_timeout=None,
                                 ssl_shutdown_timeout=None, start_serving=True):
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl is not None:
            raise NotImplementedError('minipy has no ssl support')
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            # A stale socket file from an earlier run is removed.
            if path[0] not in (0, '\x00'):
                try:
                    if stat.S_ISSOCK(os.stat(path).st_mode):
                        os.remove(path)
                except FileNotFoundError:
                    pass
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == 98:  # EADDRINUSE
                    raise OSError(exc.errno, f'Address {path!r} is already in use') from None
                raise
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('path was not specified, and no sock specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
        server = base_events.Server(self, [sock], protocol_factory, ssl, backlog)
        if start_serving:
            server._start_serving()
            from . import tasks
            await tasks.sleep(0)
        return server


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
