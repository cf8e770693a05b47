# sys.tracebacklimit keeps only the innermost entries.
import sys


def a():
    b()


def b():
    c()


def c():
    raise ValueError("deep")


sys.tracebacklimit = 2
a()

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 10, in b
# expect stderr:     c()
# expect stderr:   File "{FILE}", line 14, in c
# expect stderr:     raise ValueError("deep")
# expect error: ValueError: deep
