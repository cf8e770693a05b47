# An unexpected indent: IndentationError, the source line shown stripped, no caret line.
# expect stderr:   File "{FILE}", line 8
# expect stderr:     print("bad")
# expect error: IndentationError: unexpected indent
def f():
    return 1

      print("bad")
