# A naked exception caught by except* and a new one raised: not wrapped.
def f():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("converted")
f()
# expect stderr:   | ExceptionGroup:  (1 sub-exception)
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | Traceback (most recent call last):
# expect stderr:     |   File "{FILE}", line 4, in f
# expect stderr:     |     raise ValueError("naked")
# expect stderr:     | ValueError: naked
# expect stderr:     +------------------------------------
# expect stderr:
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     f()
# expect stderr:   File "{FILE}", line 6, in f
# expect stderr:     raise TypeError("converted")
# expect error: TypeError: converted
