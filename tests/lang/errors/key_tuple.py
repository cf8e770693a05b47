# KeyError with a tuple key shows the tuple.
d = {}
d[(1, 2)]
# expect error: KeyError: (1, 2)
