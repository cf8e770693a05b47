# except* with unparenthesized types.
try:
    pass
except* ValueError, TypeError:
    pass
# expect stderr:   File "{FILE}", line 4
# expect stderr:     except* ValueError, TypeError:
# expect stderr:             ^^^^^^^^^^^^^^^^^^^^^
# expect error: SyntaxError: multiple exception types must be parenthesized
