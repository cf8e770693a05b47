# PEP 479: a StopIteration escaping a generator body becomes RuntimeError, caused by it.
def counter():
    yield 1
    raise StopIteration("oops")


print(list(counter()))
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 4, in counter
# expect stderr:     raise StopIteration("oops")
# expect stderr: StopIteration: oops
# expect stderr:
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     print(list(counter()))
# expect stderr:           ^^^^^^^^^^^^^^^
# expect error: RuntimeError: generator raised StopIteration
