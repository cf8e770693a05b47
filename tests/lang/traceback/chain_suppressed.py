# "from None" hides the context; an explicit __cause__ wins over the context;
# __suppress_context__ can be set by hand.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("hidden") from None
except KeyError as e:
    print("context kept:", type(e.__context__).__name__, e.__suppress_context__)

try:
    1 / 0
except ZeroDivisionError:
    err = ValueError("shown alone")
    err.__suppress_context__ = True
    raise err

# expect: context kept: ZeroDivisionError True
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 16, in <module>
# expect stderr:     raise err
# expect error: ValueError: shown alone
