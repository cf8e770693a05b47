"""Context variables (PEP 567): the types live in the native _contextvars."""
from _contextvars import Context, ContextVar, Token, copy_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')
