"""What counts as a coroutine, and how one is named in reprs."""

__all__ = 'iscoroutinefunction', 'iscoroutine'

import inspect
import os
import sys


def _is_debug_mode():
    # Debug mode: `-X dev`, or MINIPYASYNCIODEBUG (or CPython's
    # PYTHONASYNCIODEBUG) set to a non-empty value in the environment.
    xopts = getattr(sys, '_xoptions', {})
    if 'dev' in xopts:
        return True
    return bool(os.environ.get('MINIPYASYNCIODEBUG')
                or os.environ.get('PYTHONASYNCIODEBUG'))


# Marks a function that returns a coroutine though it is not `async def`.
_is_coroutine = object()


def iscoroutinefunction(func):
    """True for an `async def` function (or one marked as coroutine)."""
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_iscoroutine_typecache = set()


def iscoroutine(obj):
    """True for a coroutine object. Generators count too, as in 3.11 (a
    generator that yields futures drives a Task like a coroutine)."""
    t = type(obj)
    if t in _iscoroutine_typecache:
        return True
    if inspect.iscoroutine(obj) or inspect.isgenerator(obj) or (
            hasattr(t, 'send') and hasattr(t, 'throw')
            and hasattr(t, 'close') and hasattr(t, '__await__')):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(t)
        return True
    return False


def _format_coroutine(coro):
    """'main() running at file:line' while it is suspended somewhere,
    'main() done, defined at file:line' once it has finished."""
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if name:
        name = f'{name}()'
    else:
        name = f'<{type(coro).__name__} without __name__>()'

    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return f'{name} running' if running else name

    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
