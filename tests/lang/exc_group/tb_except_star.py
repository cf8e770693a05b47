# Uncaught result of except*: raised exceptions and unhandled parts grouped
# under an empty message; a context inside a box.
def inner():
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), KeyError(3)])
def handler():
    try:
        inner()
    except* ValueError as e:
        raise RuntimeError("boom") from None
    except* TypeError as e:
        1 / 0
def main():
    handler()
main()
# expect stderr:   + Exception Group Traceback (most recent call last):
# expect stderr:   |   File "{FILE}", line 14, in <module>
# expect stderr:   |     main()
# expect stderr:   |   File "{FILE}", line 13, in main
# expect stderr:   |     handler()
# expect stderr:   | ExceptionGroup:  (3 sub-exceptions)
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 9, in handler
# expect stderr:     |     raise RuntimeError("boom") from None
# expect stderr:     | RuntimeError: boom
# expect stderr:     +---------------- 2 ----------------
# expect stderr:     | Exception Group Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 7, in handler
# expect stderr:     |     inner()
# expect stderr:     |   File "{FILE}", line 4, in inner
# expect stderr:     |     raise ExceptionGroup("many", [ValueError(1), TypeError(2), KeyError(3)])
# expect stderr:     | ExceptionGroup: many (1 sub-exception)
# expect stderr:     +-+---------------- 1 ----------------
# expect stderr:       | TypeError: 2
# expect stderr:       +------------------------------------
# expect stderr:     | 
# expect stderr:     | During handling of the above exception, another exception occurred:
# expect stderr:     | 
# expect stderr:     | Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 11, in handler
# expect stderr:     |     1 / 0
# expect stderr:     |     ~~^~~
# expect stderr:     | ZeroDivisionError: division by zero
# expect stderr:     +---------------- 3 ----------------
# expect stderr:     | Exception Group Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 7, in handler
# expect stderr:     |     inner()
# expect stderr:     |   File "{FILE}", line 4, in inner
# expect stderr:     |     raise ExceptionGroup("many", [ValueError(1), TypeError(2), KeyError(3)])
# expect stderr:     | ExceptionGroup: many (1 sub-exception)
# expect stderr:     +-+---------------- 1 ----------------
# expect stderr:       | KeyError: 3
# expect error:       +------------------------------------
