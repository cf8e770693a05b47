# raise ... from e: both tracebacks, joined by the "direct cause" line.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad config") from e


parse("x")
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 4, in parse
# expect stderr:     return int(s)
# expect stderr: ValueError: invalid literal for int() with base 10: 'x'
# expect stderr: 
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr: 
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 9, in <module>
# expect stderr:     parse("x")
# expect stderr:   File "{FILE}", line 6, in parse
# expect stderr:     raise RuntimeError("bad config") from e
# expect error: RuntimeError: bad config
