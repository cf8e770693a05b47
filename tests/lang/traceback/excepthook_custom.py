# A replaced sys.excepthook receives (type, value, traceback) instead of printing.
import sys


def hook(exc_type, exc, tb):
    print("hook:", exc_type.__name__, exc, type(tb).__name__, tb.tb_lineno)


sys.excepthook = hook
raise LookupError("nothing here")

# expect: hook: LookupError nothing here traceback 10
# expect exit: 1
