# A failing expression over several lines: carets up to the end of its first line.
def build(*parts):
    raise RuntimeError("cannot build")


value = build("first",
              "second",
              "third")

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 6, in <module>
# expect stderr:     value = build("first",
# expect stderr:             ^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 3, in build
# expect stderr:     raise RuntimeError("cannot build")
# expect error: RuntimeError: cannot build
