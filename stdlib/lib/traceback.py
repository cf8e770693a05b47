"""Print or format exceptions and stacks (the part of CPython's traceback
module minipy needs, for asyncio's error reports and for programs).

The exception text is the interpreter's own: format_exception() runs
sys.__excepthook__ with sys.stderr pointed at a buffer, so the chained
exceptions, the carets and the notes read exactly as an uncaught error.
(A thread that writes to sys.stderr in that instant writes into the
buffer; the printing takes a lock so two formatters do not mix.)

Stacks are read from live frames (sys._getframe), with the source lines
read from the files as linecache would.
"""

import sys
import _thread

__all__ = ['extract_stack', 'format_list', 'print_list', 'format_stack',
           'print_stack', 'format_exception', 'format_exception_only',
           'print_exception', 'format_exc', 'print_exc', 'FrameSummary',
           'StackSummary', 'walk_stack']

_capture_lock = _thread.allocate_lock()


class _Buffer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def _split(exc, value, tb):
    # The 3.10+ calling conventions: (exc) or (type, value, tb).
    if value is _sentinel:
        value = exc
        tb = getattr(exc, '__traceback__', None) if exc is not None else None
    return value, tb


_sentinel = object()


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines an uncaught exception prints, each ending in a newline."""
    value, tb = _split(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    buf = _Buffer()
    with _capture_lock:
        saved = sys.stderr
        sys.stderr = buf
        try:
            sys.__excepthook__(type(value), value, tb)
        finally:
            sys.stderr = saved
    text = ''.join(buf.parts)
    return [line + '\n' for line in text.rstrip('\n').split('\n')]


def format_exception_only(exc, /, value=_sentinel):
    """The last line(s) of the report: 'Type: message'."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    etype = type(value)
    name = etype.__qualname__
    mod = etype.__module__
    if mod not in ('__main__', 'builtins'):
        name = mod + '.' + name
    msg = str(value)
    return [name + (': ' + msg if msg else '') + '\n']


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        file.write(line)


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


_line_cache = {}


def _getline(filename, lineno):
    lines = _line_cache.get(filename)
    if lines is None:
        try:
            with open(filename) as f:
                lines = f.read().split('\n')
        except Exception:
            lines = []
        _line_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1].strip()
    return ''


class FrameSummary:
    """One frame of a stack: filename, lineno, name and the source line.
    Indexes as the 4-tuple (filename, lineno, name, line)."""

    def __init__(self, filename, lineno, name, *, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line

    @property
    def line(self):
        if self._line is None:
            self._line = _getline(self.filename, self.lineno)
        return self._line

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self.line)[i]

    def __iter__(self):
        return iter((self.filename, self.lineno, self.name, self.line))

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(
            self.filename, self.lineno, self.name)


class StackSummary(list):
    """A list of FrameSummary, oldest first."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        result = klass()
        for f, lineno in frame_gen:
            result.append(FrameSummary(f.f_code.co_filename, lineno, f.f_code.co_name))
            if limit is not None and len(result) >= limit:
                break
        result.reverse()
        if lookup_lines:
            for s in result:
                s.line
        return result

    def format(self):
        return format_list(self)


def walk_stack(f):
    """Yield (frame, lineno) from f outward."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_stack(f=None, limit=None):
    """The stack from f (the caller by default) to the outermost frame,
    oldest first."""
    if f is None:
        f = sys._getframe().f_back
    return StackSummary.extract(walk_stack(f), limit=limit)


def format_list(extracted_list):
    out = []
    for item in extracted_list:
        filename, lineno, name, line = item[0], item[1], item[2], item[3]
        s = '  File "{}", line {}, in {}\n'.format(filename, lineno, name)
        if line:
            s += '    {}\n'.format(line.strip())
        out.append(s)
    return out


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for s in format_list(extracted_list):
        file.write(s)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit), file)
