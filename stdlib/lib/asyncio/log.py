"""asyncio's logger.

minipy has no logging package, so this is the part of one asyncio uses: a
logger named 'asyncio' whose records go to sys.stderr as CPython prints
them when logging is not configured (the "last resort" handler: the
message alone, then the traceback when exc_info is given; WARNING and
above only). setLevel() and a replaceable handler let a program see
DEBUG and INFO records as well.
"""

import sys

DEBUG = 10
INFO = 20
WARNING = 30
ERROR = 40
CRITICAL = 50


def _format_exception(etype, value, tb):
    # The text sys.excepthook would print, without printing it.
    import traceback
    return ''.join(traceback.format_exception(etype, value, tb))


class Logger:
    def __init__(self, name):
        self.name = name
        self.level = WARNING
        self.handler = None   # callable(level, text); None: write to sys.stderr

    def setLevel(self, level):
        self.level = level

    def isEnabledFor(self, level):
        return level >= self.level

    def _log(self, level, msg, args, exc_info=None):
        if level < self.level:
            return
        if args:
            msg = msg % args
        text = str(msg)
        if exc_info:
            if exc_info is True or not isinstance(exc_info, tuple):
                if isinstance(exc_info, BaseException):
                    exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
                else:
                    exc_info = sys.exc_info()
            if exc_info[0] is not None:
                text = text + '\n' + _format_exception(*exc_info).rstrip('\n')
        if self.handler is not None:
            self.handler(level, text)
            return
        stream = sys.stderr
        if stream is not None:
            stream.write(text + '\n')
            if hasattr(stream, 'flush'):
                stream.flush()

    def debug(self, msg, *args, exc_info=None):
        self._log(DEBUG, msg, args, exc_info)

    def info(self, msg, *args, exc_info=None):
        self._log(INFO, msg, args, exc_info)

    def warning(self, msg, *args, exc_info=None):
        self._log(WARNING, msg, args, exc_info)

    def error(self, msg, *args, exc_info=None):
        self._log(ERROR, msg, args, exc_info)

    def critical(self, msg, *args, exc_info=None):
        self._log(CRITICAL, msg, args, exc_info)

    def exception(self, msg, *args, exc_info=True):
        self._log(ERROR, msg, args, exc_info)


logger = Logger(__package__)
