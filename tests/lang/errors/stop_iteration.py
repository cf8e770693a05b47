# StopIteration escaping from next() on an exhausted iterator.
it = iter([])
next(it)
# expect error: StopIteration
