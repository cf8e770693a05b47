"""Task reprs and stacks, shared by the Python Task and a native one."""

import reprlib
import sys
import traceback

from . import base_futures
from . import coroutines


def _task_repr_info(task):
    info = base_futures._future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    info.insert(2, f'coro=<{coroutines._format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


@reprlib.recursive_repr()
def _task_repr(task):
    return f"<{task.__class__.__name__} {' '.join(_task_repr_info(task))}>"


def _coro_frame(coro):
    for attr in ('cr_frame', 'gi_frame', 'ag_frame'):
        if hasattr(coro, attr):
            return getattr(coro, attr)
    return None


def _task_get_stack(task, limit):
    """The frames of a suspended task (its coroutine's frame and the frames
    it was called from, oldest first), or of the traceback it failed with."""
    frames = []
    f = _coro_frame(task._coro)
    if f is not None:
        while f is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(f)
            f = f.f_back
        frames.reverse()
    elif task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            if tb.tb_frame is not None:
                frames.append(tb.tb_frame)
            tb = tb.tb_next
    return frames


def _task_print_stack(task, limit, file):
    if file is None:
        file = sys.stderr
    extracted = []
    for f in task.get_stack(limit=limit):
        co = f.f_code
        extracted.append(traceback.FrameSummary(co.co_filename, f.f_lineno, co.co_name))
    exc = task._exception
    if not extracted:
        print(f'No stack for {task!r}', file=file)
    elif exc is not None:
        print(f'Traceback for {task!r} (most recent call last):', file=file)
    else:
        print(f'Stack for {task!r} (most recent call last):', file=file)
    traceback.print_list(extracted, file=file)
    if exc is not None:
        for line in traceback.format_exception_only(exc):
            print(line, file=file, end='')
