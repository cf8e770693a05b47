# KeyError shows the repr of a missing int key.
d = {}
d[42]
# expect error: KeyError: 42
