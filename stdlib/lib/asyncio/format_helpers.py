"""How asyncio names callbacks in reprs and error reports:
`f(1, 'x') at /path/file.py:12` (the function's qualified name, its
arguments through reprlib, and where it was defined)."""

import functools
import inspect
import reprlib
import sys
import traceback

from . import constants


def _get_function_source(func):
    # (filename, first line) of a plain function, looking through
    # functools.wraps wrappers and partials; None for anything else
    # (bound methods included, as in CPython).
    func = inspect.unwrap(func)
    if inspect.isfunction(func):
        code = func.__code__
        return (code.co_filename, code.co_firstlineno)
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    return None


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        text += f' at {source[0]}:{source[1]}'
    return text


def _format_args_and_kwargs(args, kwargs):
    """'(1, 2, x=3)': the arguments as in a call, each through reprlib."""
    items = []
    if args:
        items.extend(reprlib.repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={reprlib.repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))


def _format_callback(func, args, kwargs, suffix=''):
    if isinstance(func, functools.partial):
        # partial(f, 1)(2) shows as f(1)(2).
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    qualname = getattr(func, '__qualname__', None)
    name = getattr(func, '__name__', None)
    if qualname:
        text = qualname
    elif name:
        text = name
    else:
        text = repr(func)
    text += _format_args_and_kwargs(args, kwargs)
    if suffix:
        text += suffix
    return text


def extract_stack(f=None, limit=None):
    """The stack where a debug-mode object was made, oldest frame first;
    at most constants.DEBUG_STACK_DEPTH frames."""
    if f is None:
        f = sys._getframe().f_back
    if limit is None:
        limit = constants.DEBUG_STACK_DEPTH
    return traceback.extract_stack(f, limit)
