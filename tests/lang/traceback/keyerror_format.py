# KeyError shows the repr of its key; with several args, the tuple.
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(str(e))
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)))
d = {"x": 1}
d["line\nbreak"]

# expect: ('a', 'b')
# expect: ''
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     d["line\nbreak"]
# expect stderr:     ~^^^^^^^^^^^^^^^
# expect error: KeyError: 'line\nbreak'
