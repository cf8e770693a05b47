"""A dump of the tasks of a loop as a tree (minipy's own; CPython 3.14 has
the same picture as `python -m asyncio pstree PID`).

    asyncio.print_tasks()

prints each task not awaited by another task at the root, then the chain
of coroutines it is suspended in (outermost first, following cr_await),
then what the innermost one waits for: another task (drawn beneath it)
or the children of a gather().

    └── (T) Task-1 [pending]
        └──  main /tmp/demo.py:14
            └──  asyncio.tasks.gather
                ├── (T) fetch-a [pending]
                │   └──  fetch /tmp/demo.py:8
                │       └──  asyncio.tasks.sleep
                └── (T) fetch-b [pending]
                    ...

It can be called from a coroutine, from a callback, or from another
thread (or the REPL) while the loop runs; then pass the loop.
"""

__all__ = ('format_tasks', 'print_tasks')

import sys

from . import events
from . import futures
from . import tasks


def _loop_tasks(loop):
    return [t for t in list(tasks._all_tasks)
            if not t.done() and (loop is None or futures._get_loop(t) is loop)]


def _frame_label(coro):
    # 'main /path/file.py:12', or 'asyncio.tasks.sleep' for asyncio's own.
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None) \
        or getattr(coro, 'ag_frame', None)
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None) \
        or getattr(coro, 'ag_code', None)
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', '?')
    module = None
    if frame is not None:
        module = frame.f_globals.get('__name__')
    elif code is not None and code.co_filename.startswith('<frozen '):
        module = code.co_filename[len('<frozen '):-1]
    if module and (module == 'asyncio' or module.startswith('asyncio.')):
        return f'{module}.{name}'
    if code is None:
        return name
    line = frame.f_lineno if frame is not None else code.co_firstlineno
    return f'{name} {code.co_filename}:{line}'


def _coro_chain(coro):
    """The coroutines from coro inward along cr_await, and the object the
    innermost one awaits that is not a coroutine (or None)."""
    chain = []
    seen = set()
    while coro is not None and id(coro) not in seen:
        seen.add(id(coro))
        if hasattr(coro, 'cr_await') or hasattr(coro, 'ag_await'):
            chain.append(coro)
            coro = getattr(coro, 'cr_await', None) if hasattr(coro, 'cr_await') \
                else getattr(coro, 'ag_await', None)
        elif hasattr(coro, 'gi_frame'):
            # A generator: Future.__await__, or a generator-based coroutine.
            code = getattr(coro, 'gi_code', None)
            if code is not None and code.co_name == '__await__':
                return chain, None
            chain.append(coro)
            coro = getattr(coro, 'gi_yieldfrom', None)
        else:
            return chain, coro
    return chain, None


def _task_state(task):
    if task.done():
        return 'done'
    if tasks._current_tasks.get(futures._get_loop(task)) is task:
        return 'running'
    if task.cancelling():
        return 'cancelling'
    return 'pending'


def _awaited_tasks(waiter):
    """What the task's future stands for: ('task', t), ('gather', [t...]),
    ('future', f) or None."""
    if waiter is None:
        return None
    if isinstance(waiter, tasks.Task):
        return ('task', waiter)
    children = getattr(waiter, '_children', None)
    if isinstance(waiter, tasks._GatheringFuture) and children is not None:
        return ('gather', children)
    return ('future', waiter)


def format_tasks(loop=None):
    """The task tree of loop (the running loop; with none running, every
    loop's tasks) as a string."""
    if loop is None:
        loop = events._get_running_loop()
    pending = _loop_tasks(loop)
    awaited = set()
    for t in pending:
        kind = _awaited_tasks(t._fut_waiter)
        if kind is None:
            continue
        if kind[0] == 'task':
            awaited.add(id(kind[1]))
        elif kind[0] == 'gather':
            for c in kind[1]:
                if isinstance(c, tasks.Task):
                    awaited.add(id(c))
    roots = [t for t in pending if id(t) not in awaited]
    roots.sort(key=lambda t: t.get_name())

    lines = []

    def emit(prefix, last, text):
        lines.append(prefix + ('└── ' if last else '├── ') + text)
        return prefix + ('    ' if last else '│   ')

    def task_node(task, prefix, last, shown):
        label = f'(T) {task.get_name()} [{_task_state(task)}]'
        if id(task) in shown:
            emit(prefix, last, label + ' (shown above)')
            return
        shown.add(id(task))
        inner = emit(prefix, last, label)
        chain, _ = _coro_chain(task.get_coro())
        for coro in chain:
            inner = emit(inner, True, ' ' + _frame_label(coro))
        kind = _awaited_tasks(task._fut_waiter)
        if kind is None:
            return
        if kind[0] == 'task':
            task_node(kind[1], inner, True, shown)
        elif kind[0] == 'gather':
            g = emit(inner, True, ' asyncio.tasks.gather')
            kids = kind[1]
            for i, child in enumerate(kids):
                is_last = i == len(kids) - 1
                if isinstance(child, tasks.Task):
                    task_node(child, g, is_last, shown)
                else:
                    emit(g, is_last, repr(child))
        elif not chain:
            # Waiting on a bare future: say so, briefly.
            fut = kind[1]
            emit(inner, True, f'{type(fut).__name__} {getattr(fut, "_state", "?").lower()}')

    shown = set()
    for i, root in enumerate(roots):
        task_node(root, '', i == len(roots) - 1, shown)
    return '\n'.join(lines) + ('\n' if lines else '')


def print_tasks(loop=None, *, file=None):
    """Print format_tasks(loop) (to sys.stdout by default)."""
    if file is None:
        file = sys.stdout
    file.write(format_tasks(loop))
    if hasattr(file, 'flush'):
        file.flush()
