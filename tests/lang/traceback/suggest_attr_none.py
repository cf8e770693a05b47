# No suggestion when nothing is close, or when the exception is a subclass.
class Quiet(AttributeError):
    pass


class Proxy:
    value = 1

    def __getattr__(self, name):
        raise Quiet(f"no {name}")


try:
    Proxy().valeu
except AttributeError as e:
    print(type(e).__name__, e)
(1).something_unrelated

# expect: Quiet no valeu
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 17, in <module>
# expect stderr:     (1).something_unrelated
# expect error: AttributeError: 'int' object has no attribute 'something_unrelated'
