# throw() raises at the yield; an exception raised while handling it is chained to it.
def worker():
    try:
        yield 1
    except KeyError:
        raise ValueError("while handling the thrown one")


w = worker()
next(w)
w.throw(KeyError("thrown in"))
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 4, in worker
# expect stderr:     yield 1
# expect stderr: KeyError: 'thrown in'
# expect stderr:
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     w.throw(KeyError("thrown in"))
# expect stderr:   File "{FILE}", line 6, in worker
# expect stderr:     raise ValueError("while handling the thrown one")
# expect error: ValueError: while handling the thrown one
