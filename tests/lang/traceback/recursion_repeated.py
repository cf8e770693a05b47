# Runs of the same frame line collapse into "[Previous line repeated N more times]".
def countdown(n):
    if n == 0:
        raise RuntimeError("liftoff")
    return countdown(n - 1)


def launch():
    return countdown(12)


launch()

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 12, in <module>
# expect stderr:     launch()
# expect stderr:   File "{FILE}", line 9, in launch
# expect stderr:     return countdown(12)
# expect stderr:            ^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in countdown
# expect stderr:     return countdown(n - 1)
# expect stderr:            ^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in countdown
# expect stderr:     return countdown(n - 1)
# expect stderr:            ^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in countdown
# expect stderr:     return countdown(n - 1)
# expect stderr:            ^^^^^^^^^^^^^^^^
# expect stderr:   [Previous line repeated 9 more times]
# expect stderr:   File "{FILE}", line 4, in countdown
# expect stderr:     raise RuntimeError("liftoff")
# expect error: RuntimeError: liftoff
