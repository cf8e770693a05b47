"""ThreadPoolExecutor (CPython's concurrent.futures.thread).

Submitted calls go into one queue.SimpleQueue that every worker thread
reads. A new worker is started on submit() unless an idle one is waiting
(the idle semaphore counts them), up to max_workers. shutdown() puts None
in the queue: a worker that takes it puts it back (so the next one sees
it too) and ends.

The worker threads are not daemons. At interpreter exit, before the
threads are joined, threading._shutdown calls _python_exit (registered
with threading._register_atexit), which wakes every worker with None so
the pools that were never shut down finish their queued work and end.
Without weak references, a worker holds its executor; a pool that is
dropped without shutdown() keeps its idle threads until exit.
"""

import os
import queue
import sys
import threading

from concurrent.futures import _base

# thread -> its work queue, for every worker still possibly running.
_threads_queues = {}
_shutdown = False
# Held while creating workers or shutting down at exit: never both at once.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)

# A fork while another thread holds the lock must not leave it held in the child.
if hasattr(os, 'register_at_fork'):
    os.register_at_fork(before=_global_shutdown_lock.acquire,
                        after_in_child=_global_shutdown_lock._at_fork_reinit,
                        after_in_parent=_global_shutdown_lock.release)
    os.register_at_fork(after_in_child=_threads_queues.clear)


class _WorkItem:
    """A submitted call and its future."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None     # the traceback must not keep the work item alive
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(lambda cls, item: cls)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # None: the pool or the interpreter is shutting down.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)        # for the next worker
                return
    except BaseException:
        _base.LOGGER.critical('Exception in worker', exc_info=True)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer raised: the pool cannot run calls any more."""


_counter = iter(range(sys.maxsize)).__next__


class ThreadPoolExecutor(_base.Executor):
    """ThreadPoolExecutor(max_workers=None, thread_name_prefix='',
    initializer=None, initargs=())

    Runs calls in up to max_workers threads (default: the number of CPUs
    plus 4, at most 32). initializer(*initargs) runs first in each thread."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            # Threads mostly wait on I/O: more than the CPUs, but a bound
            # so big machines do not start hundreds.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # An idle worker will take the new item.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Every call still queued fails the same way.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Cancel the calls no worker has taken yet.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # Wake a worker: it passes the None on to the others.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
            for t in self._threads:
                _threads_queues.pop(t, None)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
