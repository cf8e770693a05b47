"""asyncio.to_thread: run a blocking function in a worker thread."""

__all__ = ('to_thread',)

import contextvars
import functools

from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in the loop's default thread pool and
    return its result; the loop keeps running other tasks meanwhile. The
    function sees the caller's context variables (it runs in a copy)."""
    loop = events.get_running_loop()
    ctx = contextvars.copy_context()
    func_call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
