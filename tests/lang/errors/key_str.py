# KeyError shows the repr of a missing str key.
d = {"a": 1}
print(d["a"])  # expect: 1
print(d["x"])
# expect error: KeyError: 'x'
