# With a __cause__, the context is not printed even if not suppressed.
try:
    [].pop()
except IndexError:
    err = RuntimeError("outer")
    err.__cause__ = KeyError("the cause")
    err.__suppress_context__ = False
    raise err

# expect stderr: KeyError: 'the cause'
# expect stderr:
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 8, in <module>
# expect stderr:     raise err
# expect error: RuntimeError: outer
