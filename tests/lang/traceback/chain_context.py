# An exception raised while handling another: both, the first one first.
def cleanup():
    raise RuntimeError("cleanup failed")


try:
    {}["missing"]
except KeyError:
    cleanup()

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     {}["missing"]
# expect stderr:     ~~^^^^^^^^^^^
# expect stderr: KeyError: 'missing'
# expect stderr:
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 9, in <module>
# expect stderr:     cleanup()
# expect stderr:   File "{FILE}", line 3, in cleanup
# expect stderr:     raise RuntimeError("cleanup failed")
# expect error: RuntimeError: cleanup failed
