def f():
    yield from