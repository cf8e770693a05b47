"""Future states and the text of Future reprs, shared by the Python Future
and a native one (the native type calls back here for its repr, as
CPython's _asyncio does)."""

__all__ = ()

import reprlib

from . import format_helpers

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """A Future, or an object that declares itself compatible by having a
    non-None _asyncio_future_blocking attribute (on its class too)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    # 'cb=[f() at x.py:3, <2 more>, g() at x.py:9]'
    def name(entry):
        return format_helpers._format_callback_source(entry[0], ())

    n = len(cb)
    if n == 0:
        text = ''
    elif n == 1:
        text = name(cb[0])
    elif n == 2:
        text = f'{name(cb[0])}, {name(cb[1])}'
    else:
        text = f'{name(cb[0])}, <{n - 2} more>, {name(cb[-1])}'
    return f'cb=[{text}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={reprlib.repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    if future._source_traceback:
        frame = future._source_traceback[-1]
        info.append(f'created at {frame[0]}:{frame[1]}')
    return info


@reprlib.recursive_repr()
def _future_repr(future):
    return f"<{future.__class__.__name__} {' '.join(_future_repr_info(future))}>"
