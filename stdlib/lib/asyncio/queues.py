"""Queues between tasks (CPython's queues.py): Queue (FIFO), PriorityQueue
(smallest first, a heapq heap) and LifoQueue (last in, first out).

With maxsize > 0, put() waits while the queue is full: producers slow
down to the consumers' pace (backpressure). get() waits while it is
empty. task_done() and join() let a producer wait until every item put
has been processed. A waiting putter or getter is a Future in a deque;
each put wakes the first getter and each get the first putter.
"""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

import collections
import heapq

from . import locks
from . import mixins


class QueueEmpty(Exception):
    """get_nowait() on an empty queue."""
    pass


class QueueFull(Exception):
    """put_nowait() on a full queue."""
    pass


# The methods put() and get() run inline when a class keeps all of them
# (each item then costs no Python calls besides the coroutine itself); a
# subclass overriding any of them gets the plain method calls, as in CPython.
_INLINED = ('full', 'empty', 'qsize', 'put_nowait', 'get_nowait', '_put', '_get', '_init')


class Queue(mixins._LoopBoundMixin):
    """A FIFO queue for tasks; maxsize <= 0 means unbounded."""

    _inline = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._inline = all(getattr(cls, name) is getattr(Queue, name) for name in _INLINED)

    def __init__(self, maxsize=0):
        self._inline = type(self)._inline   # in the instance dict: read twice per item
        self._maxsize = maxsize
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)

    # The storage; subclasses change these three.

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake the first waiter that is still waiting.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put item, waiting while the queue is full."""
        if self._inline:
            queue = self._queue
            if self._maxsize <= 0 or len(queue) < self._maxsize:
                # put_nowait(), inline.
                queue.append(item)
                self._unfinished_tasks += 1
                if self._unfinished_tasks == 1:
                    self._finished.clear()
                if self._getters:
                    self._wakeup_next(self._getters)
                return None
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass  # Already removed by _wakeup_next.
                if not self.full() and not putter.cancelled():
                    # We were woken but cannot use the room: pass it on.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put item, or raise QueueFull."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        if self._unfinished_tasks == 1:
            self._finished.clear()
        if self._getters:
            self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item, waiting while the queue is empty."""
        if self._inline:
            queue = self._queue
            if queue:
                # get_nowait(), inline.
                item = queue.popleft()
                if self._putters:
                    self._wakeup_next(self._putters)
                return item
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item, or raise QueueEmpty."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        if self._putters:
            self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """One item taken with get() has been processed."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put has been marked task_done()."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Items come out smallest first (put (priority, data) tuples)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """The last item put comes out first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
