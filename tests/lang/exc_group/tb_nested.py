# An uncaught group nested two levels: the box format, notes, chaining.
def f():
    raise ValueError("v")
def g():
    try:
        f()
    except ValueError as e:
        e1 = e
    try:
        raise TypeError("t")
    except TypeError as e:
        e2 = e
    e2.add_note("note on t")
    inner = ExceptionGroup("inner", [e1, e2])
    try:
        raise inner
    except ExceptionGroup as e:
        inner = e
    raise ExceptionGroup("outer", [inner, KeyError("k")])
try:
    g()
except Exception as e:
    x = e
try:
    raise RuntimeError("ctx")
except RuntimeError:
    raise x
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 25, in <module>
# expect stderr:     raise RuntimeError("ctx")
# expect stderr: RuntimeError: ctx
# expect stderr:
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr:
# expect stderr:   + Exception Group Traceback (most recent call last):
# expect stderr:   |   File "{FILE}", line 27, in <module>
# expect stderr:   |     raise x
# expect stderr:   |   File "{FILE}", line 21, in <module>
# expect stderr:   |     g()
# expect stderr:   |   File "{FILE}", line 19, in g
# expect stderr:   |     raise ExceptionGroup("outer", [inner, KeyError("k")])
# expect stderr:   | ExceptionGroup: outer (2 sub-exceptions)
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | Exception Group Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 16, in g
# expect stderr:     |     raise inner
# expect stderr:     | ExceptionGroup: inner (2 sub-exceptions)
# expect stderr:     +-+---------------- 1 ----------------
# expect stderr:       | Traceback (most recent call last):
# expect stderr:       |   File "{FILE}", line 6, in g
# expect stderr:       |     f()
# expect stderr:       |   File "{FILE}", line 3, in f
# expect stderr:       |     raise ValueError("v")
# expect stderr:       | ValueError: v
# expect stderr:       +---------------- 2 ----------------
# expect stderr:       | Traceback (most recent call last):
# expect stderr:       |   File "{FILE}", line 10, in g
# expect stderr:       |     raise TypeError("t")
# expect stderr:       | TypeError: t
# expect stderr:       | note on t
# expect stderr:       +------------------------------------
# expect stderr:     +---------------- 2 ----------------
# expect stderr:     | KeyError: 'k'
# expect error:     +------------------------------------
