# Members with causes, contexts, failing and non-list notes, BaseExceptions.
class Bad:
    def __str__(self):
        raise RuntimeError
def f():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("in handler") from KeyError("cause")
try:
    f()
except ValueError as e:
    e1 = e
e2 = TypeError("t")
try:
    raise e2
except TypeError:
    pass
e2.__notes__ = ["a", Bad(), "b"]
e3 = OSError("o")
e3.__notes__ = 42
g = BaseExceptionGroup("mixed", [e1, e2, e3, KeyboardInterrupt()])
try:
    raise g
except BaseExceptionGroup as e:
    raise RuntimeError("after") from e
# expect stderr:   + Exception Group Traceback (most recent call last):
# expect stderr:   |   File "{FILE}", line 24, in <module>
# expect stderr:   |     raise g
# expect stderr:   | BaseExceptionGroup: mixed (4 sub-exceptions)
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | KeyError: 'cause'
# expect stderr:     | 
# expect stderr:     | The above exception was the direct cause of the following exception:
# expect stderr:     | 
# expect stderr:     | Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 11, in <module>
# expect stderr:     |     f()
# expect stderr:     |   File "{FILE}", line 9, in f
# expect stderr:     |     raise ValueError("in handler") from KeyError("cause")
# expect stderr:     | ValueError: in handler
# expect stderr:     +---------------- 2 ----------------
# expect stderr:     | Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 16, in <module>
# expect stderr:     |     raise e2
# expect stderr:     | TypeError: t
# expect stderr:     | a
# expect stderr: <note str() failed>
# expect stderr:     | b
# expect stderr:     +---------------- 3 ----------------
# expect stderr:     | OSError: o
# expect stderr:     | 42    +---------------- 4 ----------------
# expect stderr:     | KeyboardInterrupt
# expect stderr:     +------------------------------------
# expect stderr:
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 26, in <module>
# expect stderr:     raise RuntimeError("after") from e
# expect error: RuntimeError: after
