# No carets when the failing call is the whole line (leading indentation does
# not count); carets when it is a part of the line, or when a comment or
# trailing whitespace follows it.
import sys


def fail(kind):
    raise ValueError(kind)


def run(kind):
    if kind == "part":
        result = fail(kind)
        return result
    if kind == "comment":
        fail(kind)  # a comment counts as part of the line
    if kind == "spaces":
        fail(kind)   
    fail(kind)


for kind in ["whole", "part", "comment", "spaces"]:
    try:
        run(kind)
    except ValueError:
        sys.excepthook(*sys.exc_info())

# expect exit: 0
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 24, in <module>
# expect stderr:     run(kind)
# expect stderr:   File "{FILE}", line 19, in run
# expect stderr:     fail(kind)
# expect stderr:   File "{FILE}", line 8, in fail
# expect stderr:     raise ValueError(kind)
# expect stderr: ValueError: whole
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 24, in <module>
# expect stderr:     run(kind)
# expect stderr:   File "{FILE}", line 13, in run
# expect stderr:     result = fail(kind)
# expect stderr:              ^^^^^^^^^^
# expect stderr:   File "{FILE}", line 8, in fail
# expect stderr:     raise ValueError(kind)
# expect stderr: ValueError: part
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 24, in <module>
# expect stderr:     run(kind)
# expect stderr:   File "{FILE}", line 16, in run
# expect stderr:     fail(kind)  # a comment counts as part of the line
# expect stderr:     ^^^^^^^^^^
# expect stderr:   File "{FILE}", line 8, in fail
# expect stderr:     raise ValueError(kind)
# expect stderr: ValueError: comment
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 24, in <module>
# expect stderr:     run(kind)
# expect stderr:   File "{FILE}", line 18, in run
# expect stderr:     fail(kind)   
# expect stderr:     ^^^^^^^^^^
# expect stderr:   File "{FILE}", line 8, in fail
# expect stderr:     raise ValueError(kind)
# expect stderr: ValueError: spaces
