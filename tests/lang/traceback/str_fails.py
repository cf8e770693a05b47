# When str() of the exception raises, CPython prints a placeholder.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")


raise Broken("x")

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     raise Broken("x")
# expect error: Broken: <exception str() failed>
