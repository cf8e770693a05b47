# When sys.excepthook itself raises, both exceptions are printed.
import sys


def hook(exc_type, exc, tb):
    raise TypeError("broken hook")


sys.excepthook = hook
raise ValueError("original")

# expect stderr: Error in sys.excepthook:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 6, in hook
# expect stderr:     raise TypeError("broken hook")
# expect stderr: TypeError: broken hook
# expect stderr:
# expect stderr: Original exception was:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 10, in <module>
# expect stderr:     raise ValueError("original")
# expect error: ValueError: original
