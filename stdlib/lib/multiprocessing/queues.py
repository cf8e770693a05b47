"""Queues between processes (CPython's multiprocessing.queues).

Queue: put() appends the object to a buffer and returns at once; a
feeder thread (started by the first put() in each process) pickles the
buffered objects and writes them to a pipe, holding a process-shared lock
so messages from several processes never interleave. get() takes another
process-shared lock, waits for a message (with a timeout if asked) and
unpickles it. A bounded semaphore counts the items for maxsize, qsize()
and full(). At exit (or at the end of a child process), the feeder thread
is joined so everything put is written first, unless cancel_join_thread()
was called.

SimpleQueue: the pipe and the two locks only; put() writes directly.
JoinableQueue adds task_done() and join().
"""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import os
import sys
import threading
import time
from collections import deque
from queue import Empty, Full

from . import connection
from . import util
from .synchronize import Lock, BoundedSemaphore, Semaphore, Condition, SEM_VALUE_MAX

import pickle as _ForkingPickler


class Queue:
    """Queue(maxsize=0): a FIFO queue shared between processes."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._opid = os.getpid()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()

    def __getstate__(self):
        raise RuntimeError("Queue objects should only be shared between processes"
                           " through inheritance")

    def _reset(self):
        # Per process: a child made by fork() starts with no feeder thread
        # and an empty buffer (what the parent buffered is the parent's).
        self._pid = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = deque()
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer.send_bytes
        self._recv_bytes = self._reader.recv_bytes
        self._poll = self._reader.poll

    def _check_fork(self):
        if self._pid != os.getpid():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._poll(timeout):
                        raise Empty
                elif not self._poll():
                    raise Empty
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return _ForkingPickler.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        """This process puts nothing more: the feeder thread ends once it has written everything."""
        self._check_fork()
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        """Wait for the feeder thread to write everything put so far."""
        self._check_fork()
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        """Do not wait for the feeder thread at exit (buffered data may be lost)."""
        self._check_fork()
        self._joincancelled = True
        try:
            self._jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self):
        self._buffer.clear()
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes, self._wlock,
                  self._reader.close, self._writer.close, self._ignore_epipe,
                  self._on_queue_feeder_error, self._sem),
            name='QueueFeederThread', daemon=True)
        self._thread.start()
        if not self._joincancelled:
            self._jointhread = util.Finalize(
                self._thread, Queue._finalize_join, [self._thread], exitpriority=-5)
        # Send the sentinel to the feeder at exit (before joining it).
        self._close = util.Finalize(
            self, Queue._finalize_close, [self._buffer, self._notempty], exitpriority=10)

    @staticmethod
    def _finalize_join(thread):
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, reader_close,
              writer_close, ignore_epipe, onerror, queue_sem):
        # The feeder thread: write what put() buffered, in order.
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                items = list(buffer)
                buffer.clear()
            for obj in items:
                if obj is _sentinel:
                    # close() was called: nothing more will be put here.
                    reader_close()
                    writer_close()
                    return
                try:
                    data = _ForkingPickler.dumps(obj)
                    with writelock:
                        send_bytes(data)
                except Exception as e:
                    if ignore_epipe and getattr(e, 'errno', 0) == 32:
                        return
                    if util.is_exiting():
                        util.info('error in queue thread: %s', e)
                        return
                    # The object is dropped; give its slot back.
                    queue_sem.release()
                    onerror(e, obj)

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """Report an object the feeder thread could not pickle or send
        (override in a subclass to handle it)."""
        from .process import _print_exc
        _print_exc()


_sentinel = object()


class JoinableQueue(Queue):
    """A Queue with task_done() and join(), as queue.Queue."""

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    """An unbounded FIFO shared between processes, without a feeder thread."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._poll = self._reader.poll
        self._wlock = Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def __getstate__(self):
        raise RuntimeError("SimpleQueue objects should only be shared between"
                           " processes through inheritance")

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return _ForkingPickler.loads(res)

    def put(self, obj):
        obj = _ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)

    __class_getitem__ = classmethod(lambda cls, item: cls)
