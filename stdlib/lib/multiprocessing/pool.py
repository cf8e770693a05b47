"""Process pools (CPython's multiprocessing.pool): Pool and ThreadPool.

A Pool owns worker processes and three threads in the parent:

- the task handler takes submitted batches of tasks (a job id, an index,
  a function and its arguments) from a thread queue and writes them,
  pickled, to the inqueue, a SimpleQueue every worker reads from;
- each worker runs tasks and writes (job, index, (success, value)) to the
  outqueue; an exception is sent back as the value (with success False);
- the result handler reads the outqueue and hands each result to the
  job's result object in the cache (ApplyResult, MapResult, IMapIterator),
  which wakes whoever waits in get() or next();
- the worker handler replaces workers that exited (maxtasksperchild) and
  notices when the pool is closed and its work done.

map() cuts its iterable into chunks (by default about four per worker), so
one task carries many items; results are put back in order.
"""

__all__ = ['Pool', 'ThreadPool']

import collections
import os
import queue
import sys
import threading
import time

from . import util
from . import get_context, TimeoutError
from .connection import wait

# Pool and handler states.
INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = iter(range(sys.maxsize)).__next__


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    func = args[0]
    return [func(*a) for a in args[1]]


# ---- Exceptions crossing back to the parent --------------------------------------------------

def _format_exception(exc, tb):
    try:
        import traceback
        return ''.join(traceback.format_exception(type(exc), exc, tb))
    except (ImportError, AttributeError):
        return None


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception from a worker with its traceback as text: unpickled in
    the parent as the exception itself, with a RemoteTraceback as cause."""

    def __init__(self, exc, tb):
        text = _format_exception(exc, tb)
        self.exc = exc
        self.tb = None if text is None else '\n"""\n%s"""' % text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    if tb is not None:
        exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """A worker's result (or exception) could not be pickled: its repr and
    the pickling error's come back instead."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    # The loop of a worker process (or thread): run tasks until the None
    # sentinel, or maxtasks of them.
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        try:
            task = get()
        except (EOFError, OSError):
            util.debug('worker got EOFError or OSError -- exiting')
            break
        if task is None:
            util.debug('worker got sentinel -- exiting')
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = ExceptionWithTraceback(e, e.__traceback__)
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            util.debug("Possible encoding error while sending result: %s" % (wrapped))
            put((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1
    util.debug('worker exiting after %d tasks' % completed)


def _helper_reraises_exception(ex):
    """The task standing for an exception the iterable raised."""
    raise ex


class _PoolCache(dict):
    """The jobs in progress, by id; tells the worker handler when it empties."""

    def __init__(self, *args, notifier=None):
        self.notifier = notifier
        super().__init__(*args)

    def __delitem__(self, item):
        super().__delitem__(item)
        if not self:
            self.notifier.put(None)


class Pool:
    """Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)

    A pool of worker processes: processes defaults to os.cpu_count()."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        # Attributes used by __del__ and terminate() exist from the start.
        self._pool = []
        self._state = INIT
        self._ctx = context or get_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = self._ctx.SimpleQueue()
        self._cache = _PoolCache(notifier=self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._processes = processes
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        sentinels = self._get_sentinels()

        self._worker_handler = threading.Thread(
            target=Pool._handle_workers,
            args=(self._cache, self._taskqueue, self._ctx, self.Process,
                  self._processes, self._pool, self._inqueue, self._outqueue,
                  self._initializer, self._initargs, self._maxtasksperchild,
                  self._wrap_exception, sentinels, self._change_notifier),
            daemon=True)
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(
            target=Pool._handle_tasks,
            args=(self._taskqueue, self._quick_put, self._outqueue, self._pool, self._cache),
            daemon=True)
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(
            target=Pool._handle_results,
            args=(self._outqueue, self._quick_get, self._cache),
            daemon=True)
        self._result_handler._state = RUN
        self._result_handler.start()

        self._terminate = util.Finalize(
            self, self._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._worker_handler, self._task_handler,
                  self._result_handler, self._cache),
            exitpriority=15)
        self._state = RUN

    def __del__(self):
        # CPython terminates a pool when it is garbage collected (a
        # finalizer on a weak reference): stops what still runs, and lets
        # go of the queues and workers, so their pipes are closed.
        terminate = getattr(self, '_terminate', None)
        if terminate is not None and terminate.still_active():
            if self._state == RUN:
                self._change_notifier.put(None)
            terminate()

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _get_sentinels(self):
        return [self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return [worker.sentinel for worker in workers if hasattr(worker, "sentinel")]

    @staticmethod
    def _join_exited_workers(pool):
        """Join the workers that have exited; True if there were some."""
        cleaned = False
        for i in reversed(range(len(pool))):
            worker = pool[i]
            if worker.exitcode is not None:
                util.debug('cleaning up worker %d' % i)
                worker.join()
                cleaned = True
                del pool[i]
        return cleaned

    def _repopulate_pool(self):
        return self._repopulate_pool_static(self._ctx, self.Process, self._processes,
                                            self._pool, self._inqueue, self._outqueue,
                                            self._initializer, self._initargs,
                                            self._maxtasksperchild, self._wrap_exception)

    @staticmethod
    def _repopulate_pool_static(ctx, Process, processes, pool, inqueue, outqueue,
                                initializer, initargs, maxtasksperchild, wrap_exception):
        """Start workers until there are `processes` of them."""
        for i in range(processes - len(pool)):
            w = Process(ctx, target=worker,
                        args=(inqueue, outqueue, initializer, initargs,
                              maxtasksperchild, wrap_exception))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            pool.append(w)
            util.debug('added worker')

    @staticmethod
    def _maintain_pool(ctx, Process, processes, pool, inqueue, outqueue, initializer,
                       initargs, maxtasksperchild, wrap_exception):
        """Replace the workers that exited."""
        if Pool._join_exited_workers(pool):
            Pool._repopulate_pool_static(ctx, Process, processes, pool, inqueue, outqueue,
                                         initializer, initargs, maxtasksperchild,
                                         wrap_exception)

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    # -- the API

    def apply(self, func, args=(), kwds={}):
        """Equivalent of func(*args, **kwds) in a worker (waits for the result)."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """Apply func to each element of iterable, collecting the results
        in a list that is returned."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map(), but the elements of iterable are argument tuples:
        func(*item) for each."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """starmap() without waiting: returns a MapResult."""
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        # The tasks of a job; an exception raised by the iterable becomes a
        # task that raises it, so the job reports it.
        try:
            i = -1
            for i, x in enumerate(iterable):
                yield (result_job, i, func, (x,), {})
        except Exception as e:
            yield (result_job, i + 1, _helper_reraises_exception, (e,), {})

    def imap(self, func, iterable, chunksize=1):
        """Like map(), but lazily: an iterator over the results, in order."""
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable),
                                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapIterator(self)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapstar, task_batches),
                             result._set_length))
        return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but the results come in the order they are ready."""
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable),
                                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapUnorderedIterator(self)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapstar, task_batches),
                             result._set_length))
        return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Run func(*args, **kwds) in a worker without waiting: returns an AsyncResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """map() without waiting: returns a MapResult."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapper, task_batches),
                             None))
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        # (func, chunk of up to size items) for each chunk of it.
        it = iter(it)
        while True:
            chunk = []
            for x in it:
                chunk.append(x)
                if len(chunk) == size:
                    break
            if not chunk:
                return
            yield (func, tuple(chunk))
            if len(chunk) < size:
                return

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def close(self):
        """No more tasks: the workers exit once the submitted work is done."""
        util.debug('closing pool')
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        """Stop the workers at once, dropping outstanding work."""
        util.debug('terminating pool')
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        util.debug('joining pool')
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    # -- the handler threads

    @classmethod
    def _handle_workers(cls, cache, taskqueue, ctx, Process, processes, pool, inqueue,
                        outqueue, initializer, initargs, maxtasksperchild, wrap_exception,
                        sentinels, change_notifier):
        thread = threading.current_thread()
        # Closed but with work in progress: the workers are still needed.
        while thread._state == RUN or (cache and thread._state != TERMINATE):
            cls._maintain_pool(ctx, Process, processes, pool, inqueue, outqueue,
                               initializer, initargs, maxtasksperchild, wrap_exception)
            current_sentinels = [*cls._get_worker_sentinels(pool), *sentinels]
            cls._wait_for_updates(current_sentinels, change_notifier)
        # Tell the task handler there is nothing more.
        taskqueue.put(None)
        util.debug('worker handler exiting')

    @staticmethod
    def _wait_for_updates(sentinels, change_notifier, timeout=None):
        wait(sentinels, timeout=timeout)
        while not change_notifier.empty():
            change_notifier.get()

    @staticmethod
    def _handle_tasks(taskqueue, put, outqueue, pool, cache):
        thread = threading.current_thread()
        for taskseq, set_length in iter(taskqueue.get, None):
            task = None
            try:
                # taskseq comes from _guarded_task_generation: no exception.
                for task in taskseq:
                    if thread._state != RUN:
                        util.debug('task handler found thread._state != RUN')
                        break
                    try:
                        put(task)
                    except Exception as e:
                        job, idx = task[:2]
                        try:
                            cache[job]._set(idx, (False, e))
                        except KeyError:
                            pass
                else:
                    if set_length:
                        idx = task[1] if task else -1
                        set_length(idx + 1)
                    continue
                break
            finally:
                task = taskseq = job = None
        else:
            util.debug('task handler got sentinel')
        try:
            # Tell the result handler, then each worker, to finish.
            outqueue.put(None)
            for p in pool:
                put(None)
        except OSError:
            util.debug('task handler got OSError when sending sentinels')
        util.debug('task handler exiting')

    @staticmethod
    def _handle_results(outqueue, get, cache):
        thread = threading.current_thread()
        while True:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if thread._state != RUN:
                break
            if task is None:
                break
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None
        while cache and thread._state != TERMINATE:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if task is None:
                continue
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None
        if hasattr(outqueue, '_reader'):
            # Drain what is left, so no worker stays blocked writing.
            try:
                for i in range(10):
                    if not outqueue._reader.poll():
                        break
                    get()
            except (OSError, EOFError):
                pass
        util.debug('result handler exiting: len(cache)=%s, thread._state=%s',
                   len(cache), thread._state)

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # Empty the inqueue so workers blocked writing results can go on
        # and the task handler is not stuck writing tasks.
        inqueue._rlock.acquire()
        while inqueue._reader.poll():
            inqueue._reader.recv_bytes()
            time.sleep(0)

    @classmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool, change_notifier,
                        worker_handler, task_handler, result_handler, cache):
        util.debug('finalizing pool')
        worker_handler._state = TERMINATE
        task_handler._state = TERMINATE
        change_notifier.put(None)
        cls._help_stuff_finish(inqueue, task_handler, len(pool))
        if (not result_handler.is_alive()) and (len(cache) != 0):
            raise AssertionError("Cannot have cache with result_hander not alive")
        result_handler._state = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)                  # sentinel
        if threading.current_thread() is not worker_handler:
            worker_handler.join()
        # Terminate the workers that are still running.
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.exitcode is None:
                    p.terminate()
        if threading.current_thread() is not task_handler:
            task_handler.join()
        if threading.current_thread() is not result_handler:
            result_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.is_alive():
                    p.join()


# ---- Results ------------------------------------------------------------------------------------

class ApplyResult:
    """The result of apply_async(): get(timeout), wait(timeout), ready(),
    successful()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = job_counter()
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult       # the name the documentation uses


class MapResult(ApplyResult):
    """The result of map_async(): the chunks' results put back in order;
    the first exception wins."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # The first failing chunk decides the exception.
                self._success = False
                self._value = result
            if self._number_left == 0:
                # Ready only once every chunk has come back.
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator:
    """The iterator imap() returns: next(timeout) waits for the next result
    in order."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = job_counter()
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The iterator imap_unordered() returns: results as they come."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


# ---- ThreadPool ----------------------------------------------------------------------------------

class ThreadPool(Pool):
    """ThreadPool(processes=None, initializer=None, initargs=()): the Pool
    API with worker threads instead of processes (nothing is pickled)."""

    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._quick_put = self._inqueue.put
        self._quick_get = self._outqueue.get

    def _get_sentinels(self):
        return [self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return []

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # Drop the tasks not yet taken, then tell each worker to stop.
        try:
            while True:
                inqueue.get(block=False)
        except queue.Empty:
            pass
        for i in range(size):
            inqueue.put(None)
