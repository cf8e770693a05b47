"""The event loop (CPython's base_events.py).

Notes on the design
-------------------
The loop is a queue of ready callbacks, a heap of timers and a selector:

    _ready      collections.deque of Handles to run in this iteration
    _scheduled  heapq heap of TimerHandles, earliest first
    _selector   (in selector_events) waits for file descriptors

run_forever() repeats _run_once() until stop() is called. One iteration:

  1. Drop cancelled timers from the top of the heap (or, when more than
     half of a large heap is cancelled, rebuild it without them: a
     cancelled TimerHandle stays in the heap until then, and only counts
     in _timer_cancelled_count).
  2. Wait in the selector: not at all if callbacks are ready, until the
     earliest timer if there is one, else until a descriptor is ready.
  3. Turn ready descriptors into their reader/writer Handles (appended to
     _ready) and timers that are due into ready Handles.
  4. Run the callbacks that are ready now, and only those: callbacks they
     schedule run in the next iteration, so a task that keeps yielding
     cannot starve the selector.

Everything asyncio does (futures waking tasks, tasks stepping coroutines,
sockets becoming readable) turns into Handles in that queue. Another
thread adds a callback with call_soon_threadsafe(), which also writes a
byte to the self-pipe (a socketpair whose reading end the selector
watches) so a loop asleep in select() wakes up.

In debug mode each callback is timed and one that runs longer than
slow_callback_duration is reported ("Executing <Task ...> took 0.105
seconds"); handles, futures and tasks remember where they were created.
"""

import collections
import heapq
import os
import socket
import sys
import threading
import time
import weakref

from . import constants
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from .log import logger


__all__ = 'BaseEventLoop', 'Server',


# A heap this big with more than this fraction cancelled gets rebuilt.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

_HAS_IPv6 = hasattr(socket, 'AF_INET6')

# The longest the selector waits at once, in seconds.
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

try:
    from _asyncio import _run_ready
except ImportError:
    _run_ready = None


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), tasks.Task):
        # The step of a task: name the task.
        return repr(cb.__self__)
    return str(handle)


def _set_reuseport(sock):
    if not hasattr(socket, 'SO_REUSEPORT'):
        raise ValueError('reuse_port not supported by socket module')
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    except OSError:
        raise ValueError('reuse_port not supported by socket module, '
                         'SO_REUSEPORT defined but not implemented.')


def _is_ipv4(host):
    parts = host.split('.')
    if len(parts) != 4:
        return False
    for p in parts:
        if not p.isdigit() or len(p) > 3 or int(p) > 255:
            return False
    return True


def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    # The addrinfo of a host that is already a numeric IPv4 address, so no
    # resolver call (which runs in a thread) is needed; None otherwise.
    if host is None or proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP}:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None or port == b'' or port == '':
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None  # A service name such as 'http'.
    if family not in (socket.AF_UNSPEC, socket.AF_INET):
        return None
    if isinstance(host, bytes):
        host = host.decode('ascii')
    if not isinstance(host, str) or not _is_ipv4(host):
        return None
    return socket.AF_INET, type, proto, '', (host, port)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # run_until_complete re-raises it; the loop has stopped already.
            return
    futures._get_loop(fut).stop()


def _set_nodelay(sock):
    if (hasattr(socket, 'TCP_NODELAY') and
            sock.family in {socket.AF_INET, getattr(socket, 'AF_INET6', -1)} and
            sock.type == socket.SOCK_STREAM):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass


def _json_str(s):
    out = ['"']
    for ch in s:
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif ch < ' ':
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


class _LoopTracer:
    """-X loop-trace=FILE.json: one span per callback the loop runs (a task
    step is named after its task) and one per selector wait, in Chrome's
    Trace Event format, to open in Perfetto (ui.perfetto.dev) or
    chrome://tracing. The file is rewritten with every span so far each
    time a loop closes."""

    MAX_EVENTS = 1000000

    def __init__(self, path):
        self.path = path
        self.events = []
        self.pid = os.getpid()
        self.threads = {}
        self.lock = threading.Lock()

    def now(self):
        return time.perf_counter() * 1e6   # microseconds

    def span(self, name, cat, start, end, args=None):
        if len(self.events) >= self.MAX_EVENTS:
            return
        tid = threading.get_ident()
        if tid not in self.threads:
            self.threads[tid] = threading.current_thread().name
        self.events.append((name, cat, start, end - start, tid, args))

    def handle_span(self, handle, start, end):
        cb = handle._callback
        task = getattr(cb, '__self__', None)
        if isinstance(task, tasks.Task):
            coro = task.get_coro()
            label = getattr(coro, '__qualname__', None) or type(coro).__name__
            self.span(task.get_name(), 'task', start, end, {'coro': label})
        elif cb is not None:
            while hasattr(cb, 'func') and hasattr(cb, 'keywords'):   # a partial
                cb = cb.func
            name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None) \
                or type(cb).__name__
            self.span(name, 'callback', start, end)

    def write(self):
        with self.lock:
            events = list(self.events)
            threads = dict(self.threads)
        parts = []
        for tid, name in threads.items():
            parts.append('{"name":"thread_name","ph":"M","pid":%d,"tid":%d,'
                         '"args":{"name":%s}}' % (self.pid, tid, _json_str(name)))
        for name, cat, ts, dur, tid, args in events:
            extra = ''
            if args:
                extra = ',"args":{%s}' % ','.join(
                    '%s:%s' % (_json_str(k), _json_str(str(v))) for k, v in args.items())
            parts.append('{"name":%s,"cat":"%s","ph":"X","ts":%.3f,"dur":%.3f,'
                         '"pid":%d,"tid":%d%s}' % (_json_str(name), cat, ts, dur,
                                                   self.pid, tid, extra))
        try:
            with open(self.path, 'w') as f:
                f.write('{"traceEvents":[\n' + ',\n'.join(parts) + '\n]}\n')
        except OSError as exc:
            logger.error('cannot write the loop trace to %s: %s', self.path, exc)


_tracer = None


def _get_tracer():
    global _tracer
    if _tracer is None:
        path = getattr(sys, '_xoptions', {}).get('loop-trace')
        if not path or path is True:
            return None
        _tracer = _LoopTracer(path)
    return _tracer


class Server(events.AbstractServer):
    """Listening sockets that make a transport and a protocol for each
    connection they accept (what loop.create_server returns)."""

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0      # Transports alive from accepted connections.
        self._waiters = []          # Futures of wait_closed() calls.
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context,
                                      self, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None      # The thread running the loop, while it runs.
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        self.set_debug(coroutines._is_debug_mode())
        # Debug mode reports callbacks that run longer than this (seconds).
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._asyncgens = weakref.WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self._tracer = _get_tracer()

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        """A Future bound to this loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Wrap coro in a Task (made by the task factory, if one is set)."""
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
            if task._source_traceback:
                del task._source_traceback[-1]
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # Transports: selector_events provides these.

    def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):
        raise NotImplementedError

    def _write_to_self(self):
        raise NotImplementedError

    def _process_events(self, event_list):
        raise NotImplementedError

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    # Async generators: the hooks keep track of the ones iterated on this
    # loop so shutdown_asyncgens() can close those left unfinished.

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            import warnings
            warnings.warn(
                f"asynchronous generator {agen!r} was scheduled after "
                f"loop.shutdown_asyncgens() call",
                ResourceWarning, source=self)
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        """Close the async generators of this loop left unfinished."""
        self._asyncgens_shutdown_called = True
        agens = list(self._asyncgens)
        self._asyncgens.clear()
        if not agens:
            return
        results = await tasks.gather(*[ag.aclose() for ag in agens],
                                     return_exceptions=True)
        for result, agen in zip(results, agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):
        """Shut the default executor down, waiting for its threads in a
        thread of its own so the loop keeps running meanwhile."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run callbacks until stop() is called."""
        self._check_closed()
        self._check_running()
        get_hooks = getattr(sys, 'get_asyncgen_hooks', None)
        set_hooks = getattr(sys, 'set_asyncgen_hooks', None)
        old_agen_hooks = get_hooks() if get_hooks is not None else None
        try:
            self._thread_id = threading.get_ident()
            self._set_coroutine_origin_tracking(self._debug)
            if set_hooks is not None:
                set_hooks(firstiter=self._asyncgen_firstiter_hook,
                          finalizer=self._asyncgen_finalizer_hook)
            events._set_running_loop(self)
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)
            self._set_coroutine_origin_tracking(False)
            if set_hooks is not None and old_agen_hooks is not None:
                set_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        """Run until future (a Future, or a coroutine made into a Task) is
        done; return its result or raise its exception."""
        self._check_closed()
        self._check_running()

        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # Made here: if the loop stops early nobody could await it.
            future._log_destroy_pending = False

        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                # The exception propagates: do not also report it as never
                # retrieved.
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop after the callbacks of the current iteration have run."""
        self._stopping = True

    def close(self):
        """Close the loop: drop pending callbacks, shut the default executor
        down without waiting. The loop must not be running."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        if self._debug:
            logger.debug("Close %r", self)
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        if self._tracer is not None:
            self._tracer.write()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def time(self):
        """The loop's clock: time.monotonic()."""
        return time.monotonic()

    def call_later(self, delay, callback, *args, context=None):
        """Call callback(*args) after delay seconds; returns a TimerHandle."""
        timer = self.call_at(self.time() + delay, callback, *args, context=context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer

    def call_at(self, when, callback, *args, context=None):
        """Call callback(*args) at loop time when; returns a TimerHandle."""
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = events.TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        """Call callback(*args) in the next iteration, after the callbacks
        already scheduled; returns a Handle."""
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_soon')
            handle = self._call_soon(callback, args, context)
            if handle._source_traceback:
                del handle._source_traceback[-1]
            return handle
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def _call_soon(self, callback, args, context):
        handle = events.Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle

    def _check_thread(self):
        """Debug mode: the loop's own thread must make non-threadsafe calls."""
        if self._thread_id is None:
            return
        if threading.get_ident() != self._thread_id:
            raise RuntimeError(
                "Non-thread-safe operation invoked on an event loop other "
                "than the current one")

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon() from any thread: also wakes the loop from its wait."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
        handle = self._call_soon(callback, args, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._write_to_self()
        return handle

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (a thread pool by default); returns
        an asyncio Future for its result."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor')
        self._default_executor = executor

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        return await self.run_in_executor(None, socket.getaddrinfo,
                                          host, port, family, type, proto, flags)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM,
                               proto=0, flags=0, loop):
        host, port = address[:2]
        info = _ipaddr_info(host, port, family, type, proto, *address[2:])
        if info is not None:
            return [info]  # Already a numeric address.
        return await loop.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):
        """Make a non-blocking socket for addr_info and connect it."""
        my_exceptions = []
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)
            sock.setblocking(False)
            if local_addr_infos is not None:
                for lfamily, _, _, _, laddr in local_addr_infos:
                    if lfamily != family:
                        continue
                    try:
                        sock.bind(laddr)
                        break
                    except OSError as exc:
                        msg = (f'error while attempting to bind on address {laddr!r}: '
                               f'{exc.strerror.lower()}')
                        exc = OSError(exc.errno, msg)
                        my_exceptions.append(exc)
                else:
                    if my_exceptions:
                        raise my_exceptions.pop()
                    raise OSError(f"no matching local address with family={family} found")
            await self.sock_connect(sock, address)
            return sock
        except OSError as exc:
            my_exceptions.append(exc)
            if sock is not None:
                sock.close()
            raise
        except:
            if sock is not None:
                sock.close()
            raise

    async def create_connection(self, protocol_factory, host=None, port=None, *,
                                ssl=None, family=0, proto=0, flags=0, sock=None,
                                local_addr=None, server_hostname=None,
                                ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                                happy_eyeballs_delay=None, interleave=None):
        """Connect to host:port over TCP; returns (transport, protocol)."""
        if ssl:
            raise NotImplementedError('minipy has no ssl support')
        if server_hostname is not None:
            raise ValueError('server_hostname is only meaningful with ssl')

        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved((host, port), family=family,
                                                type=socket.SOCK_STREAM, proto=proto,
                                                flags=flags, loop=self)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')
            laddr_infos = None
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(local_addr, family=family,
                                                          type=socket.SOCK_STREAM,
                                                          proto=proto, flags=flags,
                                                          loop=self)
                if not laddr_infos:
                    raise OSError('getaddrinfo() returned empty list')
            errors = []
            for addrinfo in infos:
                try:
                    sock = await self._connect_sock(errors, addrinfo, laddr_infos)
                    break
                except OSError:
                    continue
            if sock is None:
                errors = [exc for sub in errors for exc in sub]
                if len(errors) == 1:
                    raise errors[0]
                model = str(errors[0])
                if all(str(exc) == model for exc in errors):
                    raise errors[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in errors)))
        else:
            if sock is None:
                raise ValueError('host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')

        transport, protocol = await self._create_connection_transport(sock, protocol_factory)
        return transport, protocol

    async def _create_connection_transport(self, sock, protocol_factory, server_side=False):
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, *,
                            family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE,
                            sock=None, backlog=100, ssl=None, reuse_address=None,
                            reuse_port=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, start_serving=True):
        """Listen on host:port over TCP; each accepted connection gets a
        transport and protocol_factory()'s protocol. Returns a Server."""
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl is not None:
            raise NotImplementedError('minipy has no ssl support')

        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            if reuse_address is None:
                reuse_address = os.name == "posix" and sys.platform != "cygwin"
            sockets = []
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or not hasattr(host, '__iter__'):
                hosts = [host]
            else:
                hosts = host

            infos = set()
            for h in hosts:
                for info in await self._create_server_getaddrinfo(h, port, family, flags):
                    infos.add(info)

            completed = False
            try:
                for res in sorted(infos, key=lambda r: r[0]):
                    af, socktype, proto, canonname, sa = res
                    try:
                        sock = socket.socket(af, socktype, proto)
                    except OSError:
                        if self._debug:
                            logger.warning('create_server() failed to create '
                                           'socket.socket(%r, %r, %r)',
                                           af, socktype, proto, exc_info=True)
                        continue
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    if reuse_port:
                        _set_reuseport(sock)
                    if (_HAS_IPv6 and af == socket.AF_INET6 and
                            hasattr(socket, 'IPPROTO_IPV6') and hasattr(socket, 'IPV6_V6ONLY')):
                        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                    try:
                        sock.bind(sa)
                    except OSError as err:
                        msg = ('error while attempting '
                               'to bind on address %r: %s' % (sa, err.strerror.lower()))
                        raise OSError(err.errno, msg) from None
                completed = True
            finally:
                if not completed:
                    for s in sockets:
                        s.close()
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
            sockets = [sock]

        for s in sockets:
            s.setblocking(False)

        server = Server(self, sockets, protocol_factory, ssl, backlog,
                        ssl_handshake_timeout, ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            # Let the accept handlers be registered before returning.
            await tasks.sleep(0)

        if self._debug:
            logger.info("%r is serving", server)
        return server

    async def _create_server_getaddrinfo(self, host, port, family, flags):
        if host is None:
            if family in (socket.AF_UNSPEC, socket.AF_INET):
                return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, '',
                         ('0.0.0.0', port or 0))]
        infos = await self._ensure_resolved((host, port), family=family,
                                            type=socket.SOCK_STREAM,
                                            flags=flags, loop=self)
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        return infos

    async def connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                      ssl_handshake_timeout=None,
                                      ssl_shutdown_timeout=None):
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        if ssl is not None:
            raise NotImplementedError('minipy has no ssl support')
        transport, protocol = await self._create_connection_transport(
            sock, protocol_factory, server_side=True)
        return transport, protocol

    # Exception handling.

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        """handler(loop, context) is called for errors nobody can catch
        (a failing callback, a task exception never retrieved ...); None
        restores the default, which logs them."""
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Log the context: its message, the other keys as 'key: repr', and
        the exception's traceback, as one error record."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'

        exception = context.get('exception')
        if exception is not None:
            exc_info = (type(exception), exception, exception.__traceback__)
        else:
            exc_info = False

        if ('source_traceback' not in context and
                self._current_handle is not None and
                self._current_handle._source_traceback):
            context['handle_traceback'] = self._current_handle._source_traceback

        import traceback
        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            value = context[key]
            if key == 'source_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Object created at (most recent call last):\n'
                value += tb.rstrip()
            elif key == 'handle_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Handle created at (most recent call last):\n'
                value += tb.rstrip()
            else:
                value = repr(value)
            log_lines.append(f'{key}: {value}')

        logger.error('\n'.join(log_lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        """Pass context (a dict: message, exception, future, task, handle,
        ...) to the exception handler. Errors in the handler are logged."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                logger.error('Exception in default exception handler', exc_info=True)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    logger.error('Exception in default exception handler '
                                 'while handling an unexpected error '
                                 'in custom exception handler',
                                 exc_info=True)

    def _add_callback(self, handle):
        """Queue a reader/writer Handle unless it was cancelled."""
        assert isinstance(handle, events.Handle), 'A Handle is required here'
        if handle._cancelled:
            return
        assert not isinstance(handle, events.TimerHandle)
        self._ready.append(handle)

    def _add_callback_signalsafe(self, handle):
        self._add_callback(handle)
        self._write_to_self()

    def _timer_handle_cancelled(self, handle):
        # A cancelled timer stays in the heap; _run_once drops it later.
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        """One iteration: wait for I/O or the next timer, then run every
        callback that is ready at that point."""
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            # Many cancelled timers: rebuild the heap without them.
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            # Drop the cancelled timers at the top of the heap.
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)

        tracer = self._tracer
        if tracer is None:
            event_list = self._selector.select(timeout)
        else:
            t0 = tracer.now()
            event_list = self._selector.select(timeout)
            if timeout != 0 or event_list:
                tracer.span('select', 'select', t0, tracer.now(),
                            {'timeout': timeout, 'events': len(event_list)})
        self._process_events(event_list)
        event_list = None

        # Timers due by now (within the clock's resolution) become ready.
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        # Run only what is ready now; callbacks scheduled by these run in
        # the next iteration.
        ntodo = len(self._ready)
        if _run_ready is not None and not self._debug and tracer is None:
            _run_ready(self._ready, ntodo)
            return
        for i in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            if tracer is not None:
                t0 = tracer.now()
                try:
                    if self._debug:
                        self._run_debug(handle)
                    else:
                        handle._run()
                finally:
                    tracer.handle_span(handle, t0, tracer.now())
            elif self._debug:
                self._run_debug(handle)
            else:
                handle._run()
        handle = None  # Break cycles when an exception occurs.

    def _run_debug(self, handle):
        try:
            self._current_handle = handle
            t0 = self.time()
            handle._run()
            dt = self.time() - t0
            if dt >= self.slow_callback_duration:
                logger.warning('Executing %s took %.3f seconds',
                               _format_handle(handle), dt)
        finally:
            self._current_handle = None

    def get_debug(self):
        return self._debug

    def _set_coroutine_origin_tracking(self, enabled):
        # In debug mode new coroutines record where they were made (cr_origin),
        # which the "was never awaited" warning prints.
        if bool(enabled) == bool(self._coroutine_origin_tracking_enabled):
            return
        if enabled:
            self._coroutine_origin_tracking_saved_depth = sys.get_coroutine_origin_tracking_depth()
            sys.set_coroutine_origin_tracking_depth(constants.DEBUG_STACK_DEPTH)
        else:
            sys.set_coroutine_origin_tracking_depth(self._coroutine_origin_tracking_saved_depth)
        self._coroutine_origin_tracking_enabled = enabled

    def set_debug(self, enabled):
        self._debug = enabled
        if self.is_running():
            self.call_soon_threadsafe(self._set_coroutine_origin_tracking, enabled)
