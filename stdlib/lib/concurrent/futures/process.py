"""ProcessPoolExecutor (CPython's concurrent.futures.process).

    submit() --> pending work items --> manager thread --> call queue --> worker processes
                 (dict by work id)      (one per pool)     (mp.Queue)          |
    futures  <------------------------- manager thread <-- result queue <------+
                                                            (mp.SimpleQueue)

submit() records a work item (the future and the call) under a new work
id and wakes the executor's manager thread. The manager moves work items
to the call queue, no more than the workers can take plus one (so calls
not started can still be cancelled), marking their futures running. Each
worker process takes a call, runs it and puts a result item (the work id
and the result or the exception) on the result queue. The manager waits
on the result queue, a wake-up pipe and every worker's sentinel at once:
a result finishes its future; a sentinel that fires without a result
means a worker died (killed, os._exit, a crash) and the pool is broken:
every pending future fails with BrokenProcessPool and the remaining
workers are terminated.

The workers are forked when the manager starts (with fork, never from the
manager thread). shutdown() sends one None per worker; a worker answers
with its pid and exits.
"""

import os
import queue
import sys
import threading
import multiprocessing as mp
import multiprocessing.connection
from multiprocessing.queues import Queue

from concurrent.futures import _base

_threads_wakeups = {}          # manager thread -> its wake-up pipe
_global_shutdown = False


class _ThreadWakeup:
    """A pipe that wakes the manager thread from its wait()."""

    def __init__(self):
        self._closed = False
        self._reader, self._writer = mp.Pipe(duplex=False)

    def close(self):
        if not self._closed:
            self._closed = True
            self._writer.close()
            self._reader.close()

    def wakeup(self):
        if not self._closed:
            self._writer.send_bytes(b"")

    def clear(self):
        if not self._closed:
            while self._reader.poll():
                self._reader.recv_bytes()


def _python_exit():
    # At exit, before non-daemon threads are joined: stop every manager.
    global _global_shutdown
    _global_shutdown = True
    items = list(_threads_wakeups.items())
    for _, thread_wakeup in items:
        thread_wakeup.wakeup()
    for t, _ in items:
        t.join()


threading._register_atexit(_python_exit)

# At most this many calls wait in the call queue beyond one per worker.
EXTRA_QUEUED_CALLS = 1


def _format_exception(exc, tb):
    try:
        import traceback
        return ''.join(traceback.format_exception(type(exc), exc, tb))
    except (ImportError, AttributeError):
        return None


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    """An exception raised in a worker, travelling to the parent: it
    arrives as the exception itself, its traceback text as __cause__."""

    def __init__(self, exc, tb):
        text = _format_exception(exc, tb)
        self.exc = exc
        self.exc.__traceback__ = None       # tracebacks cannot be pickled
        self.tb = None if text is None else '\n"""\n%s"""' % text

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    if tb is not None:
        exc.__cause__ = _RemoteTraceback(tb)
    return exc


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _ResultItem:
    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id = work_id
        self.exception = exception
        self.result = result
        self.exit_pid = exit_pid


class _CallItem:
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _SafeQueue(Queue):
    """The call queue: a call that cannot be pickled fails its own future
    instead of the feeder thread."""

    def __init__(self, max_size=0, *, ctx, pending_work_items, shutdown_lock, thread_wakeup):
        self.pending_work_items = pending_work_items
        self.shutdown_lock = shutdown_lock
        self.thread_wakeup = thread_wakeup
        super().__init__(max_size, ctx=ctx)

    def _on_queue_feeder_error(self, e, obj):
        if isinstance(obj, _CallItem):
            text = _format_exception(e, e.__traceback__)
            if text is not None:
                e.__cause__ = _RemoteTraceback('\n"""\n{}"""'.format(text))
            work_item = self.pending_work_items.pop(obj.work_id, None)
            with self.shutdown_lock:
                self.thread_wakeup.wakeup()
            if work_item is not None:
                work_item.future.set_exception(e)
        else:
            super()._on_queue_feeder_error(e, obj)


class _ChunkCall:
    """fn applied to every argument tuple of a chunk (map() with chunksize)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        fn = self.fn
        return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    """Tuples of up to chunksize argument tuples from zip(*iterables)."""
    it = zip(*iterables)
    while True:
        chunk = []
        for args in it:
            chunk.append(args)
            if len(chunk) == chunksize:
                break
        if not chunk:
            return
        yield tuple(chunk)
        if len(chunk) < chunksize:
            return


def _chain_from_iterable_of_lists(iterable):
    """The items of each list from iterable, popped from the front so the
    results are not kept longer than needed."""
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _sendback_result(result_queue, work_id, result=None, exception=None, exit_pid=None):
    """Put a result item on the result queue; if the result cannot be
    pickled, the pickling error goes back instead."""
    try:
        result_queue.put(_ResultItem(work_id, result=result, exception=exception,
                                     exit_pid=exit_pid))
    except BaseException as e:
        exc = _ExceptionWithTraceback(e, e.__traceback__)
        result_queue.put(_ResultItem(work_id, exception=exc, exit_pid=exit_pid))


def _process_worker(call_queue, result_queue, initializer, initargs, max_tasks=None):
    """The loop of a worker process: run calls from call_queue until None.

    A failing initializer ends the worker, which breaks the pool."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            return
    num_tasks = 0
    exit_pid = None
    while True:
        call_item = call_queue.get(block=True)
        if call_item is None:
            # Tell the manager this exit is a clean one.
            result_queue.put(os.getpid())
            return
        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                exit_pid = os.getpid()
        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:
            exc = _ExceptionWithTraceback(e, e.__traceback__)
            _sendback_result(result_queue, call_item.work_id, exception=exc, exit_pid=exit_pid)
        else:
            _sendback_result(result_queue, call_item.work_id, result=r, exit_pid=exit_pid)
            del r
        del call_item
        if exit_pid is not None:
            return


class _ExecutorManagerThread(threading.Thread):
    """Moves calls to the workers and results to the futures, and notices
    broken workers and shutdown (see the module docstring)."""

    def __init__(self, executor):
        self.executor = executor
        self.thread_wakeup = executor._executor_manager_thread_wakeup
        self.shutdown_lock = executor._shutdown_lock
        self.processes = executor._processes
        self.call_queue = executor._call_queue
        self.result_queue = executor._result_queue
        self.work_ids_queue = executor._work_ids
        self.max_tasks_per_child = executor._max_tasks_per_child
        self.pending_work_items = executor._pending_work_items
        super().__init__()

    def run(self):
        while True:
            self.add_call_item_to_queue()
            result_item, is_broken, cause = self.wait_result_broken_or_wakeup()
            if is_broken:
                self.terminate_broken(cause)
                return
            if result_item is not None:
                self.process_result_item(result_item)
                process_exited = getattr(result_item, 'exit_pid', None) is not None
                if process_exited:
                    p = self.processes.pop(result_item.exit_pid)
                    p.join()
                del result_item
                executor = self.executor
                if executor is not None:
                    if process_exited:
                        with self.shutdown_lock:
                            executor._adjust_process_count()
                    else:
                        executor._idle_worker_semaphore.release()
                    del executor
            if self.is_shutting_down():
                self.flag_executor_shutting_down()
                # Only cancelled calls may be left pending: drop them, or
                # the next wait would never end.
                self.add_call_item_to_queue()
                if not self.pending_work_items:
                    self.join_executor_internals()
                    return

    def add_call_item_to_queue(self):
        # Fill the call queue with calls whose futures can still run.
        while True:
            if self.call_queue.full():
                return
            try:
                work_id = self.work_ids_queue.get(block=False)
            except queue.Empty:
                return
            work_item = self.pending_work_items[work_id]
            if work_item.future.set_running_or_notify_cancel():
                self.call_queue.put(_CallItem(work_id, work_item.fn, work_item.args,
                                              work_item.kwargs), block=True)
            else:
                del self.pending_work_items[work_id]

    def wait_result_broken_or_wakeup(self):
        # A result, a wake-up, or a worker that ended without a result.
        result_reader = self.result_queue._reader
        wakeup_reader = self.thread_wakeup._reader
        readers = [result_reader, wakeup_reader]
        worker_sentinels = [p.sentinel for p in list(self.processes.values())]
        ready = mp.connection.wait(readers + worker_sentinels)
        cause = None
        is_broken = True
        result_item = None
        if result_reader in ready:
            try:
                result_item = result_reader.recv()
                is_broken = False
            except BaseException as e:
                cause = _format_exception(e, e.__traceback__)
        elif wakeup_reader in ready:
            is_broken = False
        with self.shutdown_lock:
            self.thread_wakeup.clear()
        return result_item, is_broken, cause

    def process_result_item(self, result_item):
        if isinstance(result_item, int):
            # A worker answering shutdown's None with its pid.
            p = self.processes.pop(result_item)
            p.join()
            if not self.processes:
                self.join_executor_internals()
                return
        else:
            work_item = self.pending_work_items.pop(result_item.work_id, None)
            if work_item is not None:
                if result_item.exception:
                    work_item.future.set_exception(result_item.exception)
                else:
                    work_item.future.set_result(result_item.result)

    def is_shutting_down(self):
        executor = self.executor
        return _global_shutdown or executor is None or executor._shutdown_thread

    def terminate_broken(self, cause):
        # A worker died: fail everything pending and stop the others.
        executor = self.executor
        if executor is not None:
            executor._broken = ('A child process terminated abruptly, the process pool '
                                'is not usable anymore')
            executor._shutdown_thread = True
            executor = None
        bpe = BrokenProcessPool("A process in the process pool was terminated abruptly "
                                "while the future was running or pending.")
        if cause is not None:
            bpe.__cause__ = _RemoteTraceback(f"\n'''\n{cause}'''")
        for work_id, work_item in self.pending_work_items.items():
            work_item.future.set_exception(bpe)
            del work_item
        self.pending_work_items.clear()
        for p in self.processes.values():
            p.terminate()
        self.call_queue.cancel_join_thread()
        self.join_executor_internals(broken=True)

    def flag_executor_shutting_down(self):
        executor = self.executor
        if executor is not None:
            executor._shutdown_thread = True
            if executor._cancel_pending_futures:
                # Cancel the calls not running yet.
                new_pending_work_items = {}
                for work_id, work_item in self.pending_work_items.items():
                    if not work_item.future.cancel():
                        new_pending_work_items[work_id] = work_item
                self.pending_work_items.clear()
                self.pending_work_items.update(new_pending_work_items)
                # Nothing more goes to the call queue.
                while True:
                    try:
                        self.work_ids_queue.get_nowait()
                    except queue.Empty:
                        break
                executor._cancel_pending_futures = False

    def shutdown_workers(self):
        # One None per live worker (the call queue is bounded: retry).
        n_children_to_stop = self.get_n_children_alive()
        n_sentinels_sent = 0
        while n_sentinels_sent < n_children_to_stop and self.get_n_children_alive() > 0:
            for i in range(n_children_to_stop - n_sentinels_sent):
                try:
                    self.call_queue.put_nowait(None)
                    n_sentinels_sent += 1
                except queue.Full:
                    break

    def join_executor_internals(self, broken=False):
        if not broken:
            self.shutdown_workers()
        self.call_queue.close()
        self.call_queue.join_thread()
        with self.shutdown_lock:
            self.thread_wakeup.close()
        for p in self.processes.values():
            p.join()
        self.processes.clear()
        self.executor = None
        _threads_wakeups.pop(self, None)

    def get_n_children_alive(self):
        return sum(p.is_alive() for p in self.processes.values())


_system_limits_checked = False
_system_limited = None


def _check_system_limits():
    global _system_limits_checked, _system_limited
    _system_limits_checked = True


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process of a ProcessPoolExecutor ended abruptly: the pool
    cannot run calls any more."""


class ProcessPoolExecutor(_base.Executor):
    """ProcessPoolExecutor(max_workers=None, mp_context=None,
    initializer=None, initargs=(), *, max_tasks_per_child=None)

    Runs calls in max_workers worker processes (default: the number of
    CPUs). Functions, arguments and results must be picklable."""

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        _check_system_limits()
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if mp_context is None:
            mp_context = mp.get_context()
        self._mp_context = mp_context
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            elif self._mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_tasks_per_child = max_tasks_per_child

        self._executor_manager_thread = None
        self._processes = {}
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._idle_worker_semaphore = threading.Semaphore(0)
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._cancel_pending_futures = False
        self._executor_manager_thread_wakeup = _ThreadWakeup()

        # One call per worker may wait in the call queue, plus
        # EXTRA_QUEUED_CALLS; the others stay pending, so cancellable.
        queue_size = self._max_workers + EXTRA_QUEUED_CALLS
        self._call_queue = _SafeQueue(
            max_size=queue_size, ctx=self._mp_context,
            pending_work_items=self._pending_work_items,
            shutdown_lock=self._shutdown_lock,
            thread_wakeup=self._executor_manager_thread_wakeup)
        # A worker killed during shutdown closes its end: no EPIPE report.
        self._call_queue._ignore_epipe = True
        self._result_queue = mp_context.SimpleQueue()
        self._work_ids = queue.Queue()

    def _start_executor_manager_thread(self):
        if self._executor_manager_thread is None:
            # Fork every worker now, from this thread, before the manager
            # thread exists.
            self._launch_processes()
            self._executor_manager_thread = _ExecutorManagerThread(self)
            self._executor_manager_thread.start()
            _threads_wakeups[self._executor_manager_thread] = \
                self._executor_manager_thread_wakeup

    def _adjust_process_count(self):
        # A worker is idle: it will take the next call.
        if self._idle_worker_semaphore.acquire(blocking=False):
            return
        process_count = len(self._processes)
        if process_count < self._max_workers:
            self._spawn_process()

    def _launch_processes(self):
        assert not self._executor_manager_thread, (
            'workers are forked before the manager thread starts')
        for _ in range(len(self._processes), self._max_workers):
            self._spawn_process()

    def _spawn_process(self):
        p = self._mp_context.Process(
            target=_process_worker,
            args=(self._call_queue, self._result_queue, self._initializer,
                  self._initargs, self._max_tasks_per_child))
        p.start()
        self._processes[p.pid] = p

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            # Wake up the manager thread.
            self._executor_manager_thread_wakeup.wakeup()
            self._start_executor_manager_thread()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like Executor.map(); chunksize calls travel to a worker together
        (fewer round trips for many small calls)."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_ChunkCall(fn), _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            if self._executor_manager_thread_wakeup is not None:
                # Wake up the manager thread: it sees the shutdown.
                self._executor_manager_thread_wakeup.wakeup()
        if self._executor_manager_thread is not None and wait:
            self._executor_manager_thread.join()
        if self._executor_manager_thread is None:
            # Never started: nothing else holds the pipes.
            if self._executor_manager_thread_wakeup is not None:
                self._executor_manager_thread_wakeup.close()
            if self._call_queue is not None:
                self._call_queue.close()
        self._executor_manager_thread = None
        self._call_queue = None
        if self._result_queue is not None and wait:
            self._result_queue.close()
        self._result_queue = None
        self._processes = None
        self._executor_manager_thread_wakeup = None
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
