# raise ... from None suppresses the context: only one traceback is printed.
try:
    int("q")
except ValueError:
    raise KeyError("replaced") from None
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 5, in <module>
# expect stderr:     raise KeyError("replaced") from None
# expect error: KeyError: 'replaced'
