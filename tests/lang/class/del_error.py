# An exception in __del__ is reported as unraisable and ignored.
class A:
    def __del__(self):
        raise ValueError("boom")
a = A()
del a
print("still running")      # expect: still running
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 4, in __del__
# expect stderr:     raise ValueError("boom")
# expect stderr: ValueError: boom
